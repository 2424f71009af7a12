import { describe, expect, it } from "vitest";
import { recordingRuleFindings } from "./recording-rules";
import type { Segment } from "./segments";
import { FAKE, randomText } from "./testing/fake-credentials";

const header = (name: string, value: string, location = "request header"): Segment => ({
  kind: "header",
  interaction: 2,
  location,
  name,
  value,
});
const url = (value: string): Segment => ({
  kind: "url",
  interaction: 0,
  location: "request url",
  url: value,
});
const text = (key: string | null, value: string, location = "request body $.x"): Segment => ({
  kind: "text",
  interaction: 1,
  location,
  key,
  text: value,
});

const found = (segment: Segment) =>
  recordingRuleFindings(segment).map(({ location, rule, value }) => ({ location, rule, value }));

describe("credential headers", () => {
  it("finds a bearer token, an x-api-key and an x-goog-api-key by the header's name", () => {
    const token = randomText(20, 40);
    expect(found(header("Authorization", `Bearer ${token}`))).toEqual([
      { location: "request header authorization", rule: "credential-header", value: token },
    ]);
    expect(found(header("X-Api-Key", FAKE.opaque))).toEqual([
      { location: "request header x-api-key", rule: "credential-header", value: FAKE.opaque },
    ]);
    expect(found(header("x-goog-api-key", FAKE.gemini))).toEqual([
      { location: "request header x-goog-api-key", rule: "credential-header", value: FAKE.gemini },
    ]);
    expect(found(header("api-key", FAKE.opaque))).toHaveLength(1);
    expect(found(header("openai-api-key", FAKE.opaque))).toHaveLength(1);
  });

  it("passes placeholders and headers that only mention tokens", () => {
    expect(found(header("authorization", "Bearer <AUTH_TOKEN>"))).toEqual([]);
    expect(found(header("authorization", "Bearer ***"))).toEqual([]);
    expect(found(header("x-api-key", "<ANTHROPIC_API_KEY>"))).toEqual([]);
    expect(found(header("authorization", "Token <DEEPGRAM_API_KEY>"))).toEqual([]);
    expect(found(header("authorization", "**REDACTED**"))).toEqual([]);
    expect(found(header("x-ratelimit-remaining-tokens", "29999123456789"))).toEqual([]);
    expect(found(header("x-request-id", randomText(21, 32)))).toEqual([]);
  });

  it("decodes basic auth and reports it when the password is real", () => {
    const real = Buffer.from(`ci-bot:${FAKE.password}`).toString("base64");
    expect(found(header("Authorization", `Basic ${real}`))).toEqual([
      { location: "request header authorization", rule: "basic-auth-header", value: real },
    ]);
    const fake = Buffer.from("user:password").toString("base64");
    expect(found(header("Authorization", `Basic ${fake}`))).toEqual([]);
  });
});

describe("SigV4", () => {
  const sigv4 = (id: string) =>
    `AWS4-HMAC-SHA256 Credential=${id}/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=${randomText(22, 64, "0123456789abcdef")}`;

  it("reports the access key id of the Credential, not the signature", () => {
    expect(found(header("authorization", sigv4(FAKE.awsKeyId)))).toEqual([
      { location: "request header authorization", rule: "aws-sigv4-credential", value: FAKE.awsKeyId },
    ]);
  });

  it("reports a presigned URL's X-Amz-Credential", () => {
    const signed = `https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${FAKE.awsTemporaryKeyId}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc`;
    expect(found(url(signed))).toEqual([
      {
        location: "request url query x-amz-credential",
        rule: "aws-sigv4-credential",
        value: FAKE.awsTemporaryKeyId,
      },
    ]);
  });

  it("passes recorders' placeholders", () => {
    expect(found(header("authorization", sigv4("<AWS_ACCESS_KEY_ID>")))).toEqual([]);
    expect(found(header("authorization", sigv4("AKIAIOSFODNN7EXAMPLE")))).toEqual([]);
  });
});

describe("query parameters and URLs", () => {
  it("finds key= and api_key= as the URL spells them", () => {
    expect(
      found(url(`https://generativelanguage.googleapis.com/v1beta/models?key=${FAKE.gemini}&alt=sse`)),
    ).toEqual([{ location: "request url query key", rule: "credential-query", value: FAKE.gemini }]);
    const encoded = `${randomText(23, 20)}%2B${randomText(24, 10)}`;
    expect(found(url(`https://serpapi.com/search?api_key=${encoded}`))).toEqual([
      { location: "request url query api_key", rule: "credential-query", value: encoded },
    ]);
  });

  it("passes placeholders and parameters that are not credentials", () => {
    expect(found(url("https://serpapi.com/search?api_key=test-api-key"))).toEqual([]);
    expect(found(url("https://oauth2.googleapis.com/token?client_secret=<GOOGLE_CLIENT_SECRET>"))).toEqual(
      [],
    );
    expect(found(url(`https://serpapi.com/search.json?page_token=${randomText(25, 60)}`))).toEqual([]);
  });

  it("finds a password in the URL, not a user alone", () => {
    expect(found(url(`https://bot:${FAKE.password}@example.com/v1`))).toEqual([
      { location: "request url userinfo", rule: "url-basic-auth", value: FAKE.password },
    ]);
    expect(found(url("https://bot@example.com/v1"))).toEqual([]);
    expect(found(url("https://user:password@example.com/v1"))).toEqual([]);
  });
});

describe("cookies", () => {
  it("finds session cookies sent and set", () => {
    expect(
      found(header("Cookie", `theme=dark; sessionid=${FAKE.session}; __cf_bm=${randomText(26, 40)}`)),
    ).toEqual([
      { location: "request header cookie (sessionid)", rule: "session-cookie", value: FAKE.session },
    ]);
    expect(
      found(
        header(
          "set-cookie",
          `__Secure-next-auth.session-token=${FAKE.session}; Path=/; HttpOnly`,
          "response header",
        ),
      ),
    ).toEqual([
      {
        location: "response header set-cookie (__Secure-next-auth.session-token)",
        rule: "session-cookie",
        value: FAKE.session,
      },
    ]);
  });

  it("passes Cloudflare's bot cookies and placeholders", () => {
    const cf = `__cf_bm=${randomText(27, 43)}-1759436802-1.0.1.1-${randomText(28, 40)}; path=/; HttpOnly`;
    expect(found(header("set-cookie", cf, "response header"))).toEqual([]);
    expect(found(header("set-cookie", "_cfuvid=abc; path=/", "response header"))).toEqual([]);
    expect(found(header("Cookie", "session=REDACTED"))).toEqual([]);
  });
});

describe("body fields", () => {
  it("finds a credential by its field's name", () => {
    expect(found(text("api_key", FAKE.fieldKey))).toEqual([
      { location: "request body $.x", rule: "credential-field", value: FAKE.fieldKey },
    ]);
    expect(found(text("clientSecret", FAKE.session))).toHaveLength(1);
  });

  it("does not take a logprob's token or a placeholder for one", () => {
    expect(found(text("token", " Paris"))).toEqual([]);
    expect(found(text("token", randomText(29, 20)))).toEqual([]);
    expect(found(text("api_key", "test-api-key"))).toEqual([]);
  });

  it("reads a form-encoded request body", () => {
    expect(
      found(text(null, `grant_type=client_credentials&client_secret=${FAKE.session}`, "request body")),
    ).toEqual([
      { location: "request body form client_secret", rule: "credential-query", value: FAKE.session },
    ]);
  });
});
