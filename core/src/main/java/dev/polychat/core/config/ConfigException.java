package dev.polychat.core.config;

/** A configuration variable is missing or invalid; the message names it and the rule. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String rule) {
        super(variable + " " + rule);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
