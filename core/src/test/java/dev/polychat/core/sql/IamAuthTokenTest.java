package dev.polychat.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

class IamAuthTokenTest {
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private static final Pattern SIGNED_AT = Pattern.compile("X-Amz-Date=(\\d{8}T\\d{6}Z)");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").withZone(ZoneOffset.UTC);

    @Test
    void theTokenIsTheOneTheSdksRdsUtilitiesMakesAtTheSameSecond() {
        String host = "chat.proxy-abc123.eu-west-1.rds.amazonaws.com";
        String theirs = RdsUtilities.builder()
                .credentialsProvider(CREDENTIALS)
                .region(Region.EU_WEST_1)
                .build()
                .generateAuthenticationToken(b -> b.hostname(host).port(5432)
                        .username("polychat_app"));
        Matcher signedAt = SIGNED_AT.matcher(theirs);
        assertThat(signedAt.find()).isTrue();
        Instant when = Instant.from(AMZ_DATE.parse(signedAt.group(1)));

        String ours = new IamAuthToken(CREDENTIALS, Region.EU_WEST_1,
                Clock.fixed(when, ZoneOffset.UTC)).generate(host, 5432, "polychat_app");

        // The same signed parameters, signature included; only their order may differ.
        assertThat(ours).startsWith(host + ":5432/?");
        assertThat(parameters(ours)).containsExactlyInAnyOrderElementsOf(parameters(theirs))
                .contains("Action=connect", "DBUser=polychat_app", "X-Amz-Expires=900");
    }

    private static List<String> parameters(String token) {
        return List.of(token.substring(token.indexOf('?') + 1).split("&"));
    }
}
