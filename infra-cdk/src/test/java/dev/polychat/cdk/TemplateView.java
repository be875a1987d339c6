package dev.polychat.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.assertions.Template;

/** Read-only questions about a synthesized template, phrased the way the tests ask them. */
final class TemplateView {
    private final Map<String, Map<String, Object>> resources;

    /** Reads the template once: every question after that is answered in Java, not jsii. */
    @SuppressWarnings("unchecked")
    TemplateView(Template template) {
        Map<String, Object> json = (Map<String, Object>) template.toJSON();
        resources = (Map<String, Map<String, Object>>) json.get("Resources");
    }

    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /** Our functions: the Java 21 ones (CDK's own helper functions run Node or Python). */
    Map<String, Map<String, Object>> javaFunctions() {
        Map<String, Map<String, Object>> java = new java.util.LinkedHashMap<>();
        resources("AWS::Lambda::Function").forEach((id, resource) -> {
            if ("java21".equals(properties(resource).get("Runtime"))) {
                java.put(id, resource);
            }
        });
        return java;
    }

    String functionWithHandler(String handler) {
        return javaFunctions().entrySet().stream()
                .filter(e -> handler.equals(properties(e.getValue()).get("Handler")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function runs " + handler));
    }

    Map<String, Object> function(String logicalId) {
        return properties(resources("AWS::Lambda::Function").get(logicalId));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String functionId) {
        Map<String, Object> environment = (Map<String, Object>) function(functionId)
                .getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    /** Every statement of every policy attached to the function's role. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statementsOf(String functionId) {
        Map<String, Object> roleRef = (Map<String, Object>) function(functionId).get("Role");
        String roleId = (String) ((List<Object>) roleRef.get("Fn::GetAtt")).getFirst();
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : resources("AWS::IAM::Policy").values()) {
            List<Object> roles = (List<Object>) properties(policy).get("Roles");
            if (roles.contains(Map.of("Ref", roleId))) {
                Map<String, Object> document =
                        (Map<String, Object>) properties(policy).get("PolicyDocument");
                statements.addAll((List<Map<String, Object>>) document.get("Statement"));
            }
        }
        return statements;
    }

    /** The actions of a statement, always as a list. */
    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? (List<String>) list : List.of((String) action);
    }

    /** The resources of a statement, each rendered as text with references kept as JSON. */
    static List<String> resourceTexts(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        List<?> all = resource instanceof List<?> list ? list : List.of(resource);
        return all.stream().map(Objects::toString).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }
}
