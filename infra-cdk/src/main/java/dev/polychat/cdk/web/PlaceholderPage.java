package dev.polychat.cdk.web;

/** The page deployed when the web app was not built before synth. */
final class PlaceholderPage {
    private PlaceholderPage() {
    }

    static String html() {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>PolyChat</title></head>
                <body>
                <h1>PolyChat is deployed</h1>
                <p>The web app was not built when this stack was synthesized, so this page
                stands in for it. The APIs are live: their addresses are in
                <a href="config.json">config.json</a>. Build the web app and deploy again.</p>
                </body>
                </html>
                """;
    }
}
