package dev.polychat.cdk.web;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.Findings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The web app: a private bucket that only CloudFront may read (origin access control), the
 * built files of {@code web/dist}, and a generated {@code config.json} beside index.html that
 * tells the app where the APIs are. Unknown paths answer index.html, so client-side routes
 * survive a reload.
 */
public final class WebHosting extends Construct {
    static final String CONFIG_FILE = "config.json";

    private final DeploySettings settings;
    private final Bucket logs;
    private final Bucket site;
    private final Distribution distribution;

    public WebHosting(Construct scope, String id, DeploySettings settings) {
        super(scope, id);
        this.settings = settings;

        logs = logBucket();
        site = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("site/")
                // The content is rebuilt from web/dist on every deploy: nothing to keep.
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();

        IOrigin origin = S3BucketOrigin.withOriginAccessControl(site);
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("PolyChat " + settings.stage() + " web app")
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(origin)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .build())
                // Read on every page load, so a redeployed API address takes effect at once.
                .additionalBehaviors(Map.of("/" + CONFIG_FILE, BehaviorOptions.builder()
                        .origin(origin)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .build()))
                .errorResponses(List.of(spaFallback(403), spaFallback(404)))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(logs)
                .logFilePrefix("cloudfront/")
                .build();

        acknowledge();
    }

    /** {@code https://<distribution>.cloudfront.net}: the origin the APIs admit. */
    public String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    /**
     * Uploads the web app and its {@code config.json}. Without a built {@code web/dist} it
     * uploads a placeholder page instead and warns at synth, so the stack still deploys.
     */
    public void deployContent(String apiBaseUrl, String webSocketUrl) {
        List<ISource> sources = new ArrayList<>();
        if (Files.isRegularFile(settings.webDist().resolve("index.html"))) {
            sources.add(Source.asset(settings.webDist().toString()));
        } else {
            sources.add(Source.data("index.html", PlaceholderPage.html()));
            Annotations.of(this).addWarningV2("polychat:web-placeholder", "No web build at "
                    + settings.webDist() + ": deploying a placeholder page. Build the web app"
                    + " (./polychat build) and deploy again to publish it.");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiBaseUrl", apiBaseUrl);
        config.put("webSocketUrl", webSocketUrl);
        sources.add(Source.jsonData(CONFIG_FILE, config));

        LogGroup deploymentLogs = LogGroup.Builder.create(this, "DeploymentLogs")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        BucketDeployment content = BucketDeployment.Builder.create(this, "Content")
                .sources(sources)
                .destinationBucket(site)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .memoryLimit(512)
                .logGroup(deploymentLogs)
                .build();
        acknowledgeDeploymentHandler(content);
    }

    /** CDK's own upload function, shared by every BucketDeployment in the stack. */
    private void acknowledgeDeploymentHandler(BucketDeployment content) {
        Stack stack = Stack.of(content);
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                acknowledgeUploader(child, content);
            }
        }
    }

    private void acknowledgeUploader(IConstruct uploader, BucketDeployment content) {
        String why = "CDK's upload function copies the built web files from the CDK asset"
                + " bucket into the site bucket; CDK writes its policy.";
        Acks.on(uploader, Findings.MANAGED_BASIC_EXECUTION,
                "CDK's upload function writes its own logs through the AWS managed policy.");
        Acks.on(uploader, Findings.wildcardResource("*"), why);
        for (String action : List.of("s3:GetObject*", "s3:GetBucket*", "s3:List*",
                "s3:DeleteObject*", "s3:Abort*")) {
            Acks.on(uploader, "AwsSolutions-IAM5[Action::" + action + "]", why);
        }
        Acks.on(uploader, Findings.wildcardResource(
                "arn:<AWS::Partition>:s3:::" + Findings.assetBucket(content) + "/*"), why);
        Acks.on(uploader, Findings.wildcardResource(Findings.ref(site, "Arn") + "/*"), why);
        Acks.on(uploader, "AwsSolutions-L1",
                "CDK chooses and updates the upload function's runtime with each release.");
    }

    private Bucket logBucket() {
        return Bucket.Builder.create(this, "Logs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // CloudFront's standard logs are written with ACLs.
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(settings.production() ? 90 : 7)).build()))
                .removalPolicy(settings.dataRemovalPolicy())
                .autoDeleteObjects(!settings.production())
                .build();
    }

    private static ErrorResponse spaFallback(int status) {
        return ErrorResponse.builder()
                .httpStatus(status)
                .responseHttpStatus(200)
                .responsePagePath("/index.html")
                .ttl(Duration.seconds(10))
                .build();
    }

    private void acknowledge() {
        Acks.on(logs, "AwsSolutions-S1",
                "This is the access-log bucket; logging it into itself would loop.");
        Acks.on(distribution, "AwsSolutions-CFR1",
                "A public chat app: no country is excluded.");
        Acks.on(distribution, "AwsSolutions-CFR2",
                "Static files only; the APIs have their own throttling. Attach a WAF web ACL"
                        + " if abuse appears.");
        Acks.on(distribution, "AwsSolutions-CFR4",
                "The default cloudfront.net certificate fixes the TLS policy; a custom domain"
                        + " with its own certificate can raise it to TLS 1.2.");
    }
}
