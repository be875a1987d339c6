package dev.polychat.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a function or the local stack runs with: a snapshot of environment
 * variables. In Lambda it is {@link System#getenv()}; the local stack hands each in-process
 * handler a map of its own, because a running JVM cannot change its own environment.
 *
 * <p>Every accessor validates and fails with a {@link ConfigException} that names the variable
 * and the rule, so a misconfigured deployment fails at start-up rather than on the first chat.
 */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String require(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is required"));
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name, "must be between " + min + " and " + max
                        + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number, got '" + raw.get() + "'");
        }
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name, "must be true or false, got '"
                    + raw.get() + "'");
        };
    }

    public Optional<URI> uri(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(name, "must be an absolute URL, got '" + raw.get() + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigException(name, "must be a URL, got '" + raw.get() + "'");
        }
    }
}
