package dev.polychat.localstack;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import org.testcontainers.containers.GenericContainer;

/**
 * Publishes a container's ports on 127.0.0.1 only (Docker's default is every interface), on
 * ports Docker picks. Testcontainers reads the mapping back as usual.
 */
final class LoopbackPorts {
    private LoopbackPorts() {
    }

    static void publish(GenericContainer<?> container, int... ports) {
        PortBinding[] bindings = Arrays.stream(ports)
                .mapToObj(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"),
                        ExposedPort.tcp(port)))
                .toArray(PortBinding[]::new);
        container.withCreateContainerCmdModifier(command ->
                command.getHostConfig().withPortBindings(bindings));
    }
}
