package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestPolicyTest {

  private final RequestPolicy policy = RequestPolicy.anonymousOnly();

  @Test
  void everyModbusFunctionCodeExceptFc43AndFc17IsRefusedOnEveryUnit() {
    int allowed = 0;
    for (int unit : new int[] {0, 1, 247, 255}) {
      for (int fc = 0; fc <= 255; fc++) {
        if (fc == ModbusRequest.ENCAPSULATED_INTERFACE_TRANSPORT) {
          continue;
        }
        Optional<String> refusal = policy.refusal(ModbusRequest.functionCode(unit, fc));
        if (fc == ModbusRequest.REPORT_SERVER_ID) {
          assertTrue(refusal.isEmpty(), "FC17 unit " + unit);
          allowed++;
        } else {
          assertTrue(refusal.isPresent(), "FC " + fc + " unit " + unit);
          assertTrue(refusal.get().contains("function code " + fc), refusal.get());
        }
      }
    }
    assertEquals(4, allowed);
  }

  @Test
  void fc43IsAllowedOnlyWithMeiType14AndReadDevIdCode1To4ForAnyObjectId() {
    int allowed = 0;
    for (int mei = 0; mei <= 255; mei++) {
      for (int code = 0; code <= 255; code++) {
        for (int objectId : new int[] {0, 1, 0x7F, 0x80, 0xFF}) {
          Optional<String> refusal =
              policy.refusal(ModbusRequest.encapsulated(0, mei, code, objectId));
          boolean shouldAllow = mei == 0x0E && code >= 1 && code <= 4;
          assertEquals(shouldAllow, refusal.isEmpty(), "MEI " + mei + " code " + code);
          allowed += shouldAllow ? 1 : 0;
        }
      }
    }
    assertEquals(4 * 5, allowed);
  }

  @Test
  void refusedMeiTypeAndReadDevIdCodeAreNamedInTheReason() {
    assertTrue(
        policy
            .refusal(ModbusRequest.encapsulated(1, 0x0D, 1, 0))
            .orElseThrow()
            .contains("MEI type 13"));
    assertTrue(
        policy
            .refusal(ModbusRequest.readDeviceIdentification(1, 5, 0))
            .orElseThrow()
            .contains("5"));
  }

  @Test
  void writeDiagnosticFileRecordAndUmasFunctionCodesAreRefused() {
    for (int fc : new int[] {5, 6, 8, 15, 16, 20, 21, 22, 23, 90}) {
      assertTrue(policy.refusal(ModbusRequest.functionCode(1, fc)).isPresent(), "FC " + fc);
    }
  }

  @Test
  void everyOpcUaServiceOutsideTheAllowlistIsRefused() {
    Set<OpcUaService> expectedAllowed =
        EnumSet.of(
            OpcUaService.GET_ENDPOINTS,
            OpcUaService.FIND_SERVERS,
            OpcUaService.OPEN_SECURE_CHANNEL,
            OpcUaService.CLOSE_SECURE_CHANNEL,
            OpcUaService.CREATE_SESSION,
            OpcUaService.ACTIVATE_SESSION,
            OpcUaService.CLOSE_SESSION,
            OpcUaService.READ,
            OpcUaService.BROWSE,
            OpcUaService.BROWSE_NEXT,
            OpcUaService.TRANSLATE_BROWSE_PATHS_TO_NODE_IDS);
    for (OpcUaService service : OpcUaService.values()) {
      Optional<String> refusal = policy.refusal(OpcUaServiceRequest.of(service));
      assertEquals(expectedAllowed.contains(service), refusal.isEmpty(), service.serviceName());
    }
    assertEquals(39, OpcUaService.values().length, "Part 4 defines 39 services");
  }

  @Test
  void refusedOpcUaServiceNamesItsServiceSet() {
    String reason = policy.refusal(OpcUaServiceRequest.of(OpcUaService.WRITE)).orElseThrow();
    assertTrue(reason.contains("Write") && reason.contains("Attribute"), reason);
  }

  @Test
  void activateSessionWithAnyNonAnonymousTokenIsRefusedWithoutCredentials() {
    for (UserTokenType token : UserTokenType.values()) {
      Optional<String> refusal = policy.refusal(OpcUaServiceRequest.activateSession(token));
      assertEquals(token == UserTokenType.ANONYMOUS, refusal.isEmpty(), token.name());
    }
    assertTrue(
        policy
            .refusal(OpcUaServiceRequest.activateSession(UserTokenType.USERNAME))
            .orElseThrow()
            .contains("no credentials"));
  }

  @Test
  void activateSessionWithUserNameTokenIsAllowedOnceCredentialsAreConfigured() {
    RequestPolicy withCredentials = new RequestPolicy(true);
    assertTrue(
        withCredentials
            .refusal(OpcUaServiceRequest.activateSession(UserTokenType.USERNAME))
            .isEmpty());
    assertTrue(withCredentials.refusal(OpcUaServiceRequest.of(OpcUaService.WRITE)).isPresent());
  }
}
