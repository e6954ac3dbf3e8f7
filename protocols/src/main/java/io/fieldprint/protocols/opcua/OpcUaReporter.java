package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.x509.CertificateChain;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports what one connection's transport, secure-channel and session messages show: the server's
 * presence, HEL/ACK/ERR/RHE values, the channels' policies and certificates, the client's
 * self-description and how sessions authenticate.
 */
final class OpcUaReporter {
  private final Emitter emitter;
  private final CertificateCache certificates;
  private boolean presenceReported;

  OpcUaReporter(Emitter emitter, CertificateCache certificates) {
    this.emitter = emitter;
    this.certificates = certificates;
  }

  boolean presenceReported() {
    return presenceReported;
  }

  /** Once per connection: the server speaks OPC UA on this port. */
  void presence(PduContext ctx, DeviceRef server, int serverPort) {
    if (presenceReported) {
      return;
    }
    presenceReported = true;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("serverPort", serverPort);
    Evidence e = Emitter.evidence(ctx, "opcua.connection", f);
    emitter.observeOnce(ctx, server, SERVER, Authority.DEVICE_REPORTED, e, "");
    emitter.observeOnce(ctx, ctx.flow().client().device(), CLIENT, Authority.INFERRED, e, "");
  }

  private static final Identity SERVER = Identity.builder().role(Role.SERVER).build();
  private static final Identity CLIENT = Identity.builder().role(Role.CLIENT).build();

  /** HEL names the server as the client knows it: a peer's statement about the server. */
  void hello(PduContext ctx, Hello hello) {
    Map<String, Object> f = hello.fields();
    BuildInfo.putIfSet(f, "endpointHost", ApplicationIdentity.hostOf(hello.endpointUrl()));
    Evidence e = Emitter.evidence(ctx, "opcua.hello", f);
    emitter.observeOnce(
        ctx, ctx.receiver().device(), Identity.NONE, Authority.PEER_REPORTED, e, f.toString());
  }

  void acknowledge(PduContext ctx, Acknowledge ack) {
    Map<String, Object> f = ack.fields();
    Evidence e = Emitter.evidence(ctx, "opcua.acknowledge", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }

  void error(PduContext ctx, ErrorMessage error, String source) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("statusCode", StatusCodes.hex(error.error()));
    BuildInfo.putIfSet(f, "statusName", StatusCodes.name(error.error()));
    BuildInfo.putIfSet(f, "reason", error.reason());
    Evidence e = Emitter.evidence(ctx, source, f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }

  void reverseHello(PduContext ctx, ReverseHello hello) {
    Map<String, Object> f = new LinkedHashMap<>();
    BuildInfo.putIfSet(f, "serverUri", hello.serverUri());
    BuildInfo.putIfSet(f, "endpointUrl", hello.endpointUrl());
    Evidence e = Emitter.evidence(ctx, "opcua.reverse-hello", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }

  /** OPN request: the client's certificate and the server certificate it expects. */
  void openRequest(PduContext ctx, AsymmetricSecurityHeader header, OpenSecureChannelRequest body) {
    Map<String, Object> f = channelHeaderFields(header, "clientCertificate");
    if (header.receiverCertificateThumbprint() != null) {
      f.put(
          "receiverCertificateThumbprint",
          HexFormat.of().formatHex(header.receiverCertificateThumbprint()));
    }
    if (body != null) {
      f.put("requestType", body.requestType() == 0 ? "Issue" : "Renew");
      f.put("requestedSecurityMode", MessageSecurityMode.nameOf(body.securityMode()));
      f.put("requestedLifetime", body.requestedLifetime());
    }
    Evidence e = Emitter.evidence(ctx, "opcua.open-secure-channel-request", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }

  /**
   * OPN response: the server's certificate (readable even on encrypted channels), posture of that
   * certificate and of the policy.
   */
  void openResponse(
      PduContext ctx,
      SecureChannels.Channel channel,
      AsymmetricSecurityHeader header,
      OpenSecureChannelResponse body,
      String endpointUrl) {
    Map<String, Object> f = channelHeaderFields(header, "serverCertificate");
    f.put("secureChannelId", channel.id);
    if (body != null) {
      f.put("tokenId", body.securityToken().tokenId());
      f.put("revisedLifetime", body.securityToken().revisedLifetime());
      f.put("serverProtocolVersion", body.serverProtocolVersion());
    }
    DeviceRef server = ctx.sender().device();
    Evidence e = Emitter.evidence(ctx, "opcua.open-secure-channel-response", f);
    emitter.observeOnce(ctx, server, Identity.NONE, Authority.DEVICE_REPORTED, e, certKey(f));
    emitter.finding(ctx, server, policyFinding(header, endpointUrl), e);
    if (header.senderCertificate() != null && header.senderCertificate().length > 0) {
      CertificateChain chain = certificates.apply(header.senderCertificate());
      emitter.findings(
          ctx, server, CertificatePostureRules.evaluate(chain, null, ctx.timestamp()), e);
    }
  }

  private static PostureFinding policyFinding(AsymmetricSecurityHeader h, String endpointUrl) {
    return OpcUaPostureRules.channelPolicy(h.securityPolicyUri(), endpointUrl);
  }

  private static String certKey(Map<String, Object> f) {
    return f.get("securityPolicyUri") + "|" + f.get("certificateSha1");
  }

  private Map<String, Object> channelHeaderFields(AsymmetricSecurityHeader h, String certKey) {
    Map<String, Object> f = new LinkedHashMap<>();
    BuildInfo.putIfSet(f, "securityPolicyUri", h.securityPolicyUri());
    if (h.senderCertificate() != null && h.senderCertificate().length > 0) {
      CertificateChain chain = certificates.apply(h.senderCertificate());
      f.put(certKey, ApplicationIdentity.certificateFields(chain));
      BuildInfo.putIfSet(f, "certificateSha1", ApplicationIdentity.thumbprint(chain));
    }
    return f;
  }

  /** Once per channel, when known: how the channel protects its messages. */
  void channelProtection(PduContext ctx, SecureChannels.Channel channel, DeviceRef server) {
    if (channel.protectionReported) {
      return;
    }
    channel.protectionReported = true;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("secureChannelId", channel.id);
    BuildInfo.putIfSet(f, "securityPolicyUri", channel.policyUri);
    f.put("securityMode", channel.modeName());
    f.put("encrypted", channel.encrypts());
    Evidence e = Emitter.evidence(ctx, "opcua.secure-channel", f);
    emitter.observeOnce(ctx, server, Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }

  /** CreateSessionRequest describes the client; never the server. */
  void createSessionRequest(PduContext ctx, CreateSessionRequest request) {
    ApplicationDescription client = request.clientDescription();
    Map<String, Object> f = client.fields();
    BuildInfo.putIfSet(f, "sessionName", request.sessionName());
    BuildInfo.putIfSet(f, "endpointUrl", request.endpointUrl());
    BuildInfo.putIfSet(f, "serverUri", request.serverUri());
    if (request.clientCertificate() != null && request.clientCertificate().length > 0) {
      f.put(
          "clientCertificate",
          ApplicationIdentity.certificateFields(certificates.apply(request.clientCertificate())));
    }
    String key = client.applicationUri() + "|" + client.nameText() + "|" + request.sessionName();
    Evidence e = Emitter.evidence(ctx, "opcua.create-session-request", f);
    emitter.observeOnce(
        ctx,
        ctx.sender().device(),
        ApplicationIdentity.of(client),
        Authority.DEVICE_REPORTED,
        e,
        key);
  }

  /**
   * ActivateSessionRequest: which identity token the client used; a readable password is a finding
   * about the server that accepts it. The evidence never holds the user name or password.
   */
  void activateSession(
      PduContext ctx, ActivateSessionRequest request, SecureChannels.Channel channel) {
    Map<String, Object> f = tokenFields(request, channel);
    Evidence e = Emitter.evidence(ctx, "opcua.activate-session-request", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
    PostureFinding cleartext =
        OpcUaPostureRules.usernameTokenCleartext(
            request.token(), channel.policyUri, channel.encrypts(), ctx.sender().ip());
    emitter.finding(ctx, ctx.receiver().device(), cleartext, e);
  }

  private static Map<String, Object> tokenFields(
      ActivateSessionRequest request, SecureChannels.Channel channel) {
    Map<String, Object> f = new LinkedHashMap<>();
    UserIdentityToken token = request.token();
    f.put("tokenEncodingId", request.tokenEncodingId());
    if (token != null) {
      f.put("tokenType", token.kind().specName());
      BuildInfo.putIfSet(f, "policyId", token.policyId());
      BuildInfo.putIfSet(f, "encryptionAlgorithm", token.encryptionAlgorithm());
      if (token.kind() == UserTokenType.USER_NAME && token.secretInClear()) {
        f.put("password", "exposed (sent without encryption; not recorded)");
      }
    }
    BuildInfo.putIfSet(f, "channelSecurityPolicyUri", channel.policyUri);
    f.put("channelSecurityMode", channel.modeName());
    return f;
  }

  /** ActivateSessionResponse to an anonymous token with a Good result. */
  void anonymousSessionAccepted(
      PduContext ctx, UserIdentityToken token, SecureChannels.Channel channel) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("tokenType", token.kind().specName());
    BuildInfo.putIfSet(f, "policyId", token.policyId());
    BuildInfo.putIfSet(f, "channelSecurityPolicyUri", channel.policyUri);
    f.put("client", ctx.receiver().ip());
    Evidence e = Emitter.evidence(ctx, "opcua.activate-session-response", f);
    emitter.finding(
        ctx,
        ctx.sender().device(),
        OpcUaPostureRules.anonymousSessionUsed(token, channel.policyUri, ctx.receiver().ip()),
        e);
  }

  /** A ServiceFault answering a request fieldprint was waiting for. */
  void serviceFault(PduContext ctx, ServiceFault fault, String requestName) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("serviceResult", StatusCodes.hex(fault.header().serviceResult()));
    BuildInfo.putIfSet(f, "statusName", StatusCodes.name(fault.header().serviceResult()));
    BuildInfo.putIfSet(f, "request", requestName);
    Evidence e = Emitter.evidence(ctx, "opcua.service-fault", f);
    emitter.observeOnce(
        ctx, ctx.sender().device(), Identity.NONE, Authority.DEVICE_REPORTED, e, f.toString());
  }
}
