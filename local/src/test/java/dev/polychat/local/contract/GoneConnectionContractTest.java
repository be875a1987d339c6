package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.Tables;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A recipient whose connection vanished without a close: its subscription is still in the
 * table, and API Gateway answers 410 for it. The others still get the message, and the stale
 * subscription is removed.
 */
class GoneConnectionContractTest {
    private final Chat chat = ContractStack.chat();
    private final Chat.Person alice = chat.signUp("alice");
    private final Chat.Person bob = chat.signUp("bob");

    @Test
    void aVanishedRecipientIsRemovedAndNeverFailsTheOthers() {
        String room = chat.createRoom(alice, "stale", false);
        chat.join(bob, room);
        Env env = ContractStack.handlerEnv();
        try (DynamoDbClient dynamo = AwsClients.dynamo(env)) {
            SubscriptionStore subscriptions = new SubscriptionStore(dynamo,
                    Tables.name(Tables.SUBSCRIPTIONS, env));
            subscriptions.subscribe(room, "VanishedId0=", bob.id(),
                    Instant.now().plusSeconds(3600));

            try (Socket a = chat.connect(alice); Socket b = chat.connect(bob)) {
                a.send(Chat.sendMessage(room, "g-1", "still delivered"));

                assertThat(a.next("ack").path("seq").asLong()).isEqualTo(1);
                assertThat(b.next("message").path("message").path("body").asText())
                        .isEqualTo("still delivered");
                assertThat(subscriberIds(subscriptions, room)).doesNotContain("VanishedId0=");
            }
        }
    }

    private static java.util.List<String> subscriberIds(SubscriptionStore subscriptions,
            String room) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        subscriptions.forEachPage(room, 1000, Instant.now(),
                page -> page.forEach(s -> ids.add(s.connectionId())));
        return ids;
    }
}
