package dev.polychat.core.sql;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The password RDS Proxy accepts under IAM auth: a SigV4-presigned {@code connect} request for
 * the database user, valid 15 minutes, without its scheme. It is what the SDK's RdsUtilities
 * makes, signed here with the signer the other clients already carry, so a function need not
 * ship the whole RDS service model (about 6 MB of its jar) for one token.
 */
final class IamAuthToken {
    private static final Duration VALID_FOR = Duration.ofMinutes(15);
    private static final String SERVICE = "rds-db";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final Clock clock;

    IamAuthToken(AwsCredentialsProvider credentials, Region region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    String generate(String host, int port, String user) {
        SdkHttpRequest connect = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(host)
                .port(port)
                .encodedPath("/")
                .putRawQueryParameter("DBUser", user)
                .putRawQueryParameter("Action", "connect")
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(connect)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, VALID_FOR)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri().toString().substring("https://".length());
    }
}
