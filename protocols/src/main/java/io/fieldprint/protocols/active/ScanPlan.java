package io.fieldprint.protocols.active;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests a scan of one target may send, in order; a request is left out when the path that
 * reaches it would exceed the target protocol's budget.
 *
 * <p>Modbus, per unit id (the target's own, else {@link ScanLimits#unitIds()}; later units only if
 * earlier ones did not answer): FC 43/14 ReadDevIdCode 1 from object 0, then 2 and 3 if the
 * conformity level allows, then FC 17. OPC UA: discovery, then an anonymous session that reads
 * BuildInfo and browses the DI DeviceSet, then closes.
 */
public final class ScanPlan {

  private ScanPlan() {}

  /** The plan for {@code target}: no path through it sends more than the budget. */
  public static List<PlannedRequest> forTarget(ScanTarget target, ScanLimits limits) {
    int budget = limits.budget(target.protocol());
    return uncapped(target, limits).stream().filter(p -> p.step() <= budget).toList();
  }

  /** The plan before the budget is applied. */
  public static List<PlannedRequest> uncapped(ScanTarget target, ScanLimits limits) {
    return target.protocol() == ScanProtocol.MODBUS ? modbus(target, limits) : opcUa();
  }

  private static List<PlannedRequest> modbus(ScanTarget target, ScanLimits limits) {
    List<Integer> units =
        target.unitId().isPresent() ? List.of(target.unitId().getAsInt()) : limits.unitIds();
    List<PlannedRequest> plan = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      int unit = units.get(i);
      String first = i == 0 ? "always" : "if unit " + units.get(i - 1) + " did not answer";
      plan.add(deviceId(unit, 1, "basic", first, i + 1));
      plan.add(
          deviceId(
              unit, 2, "regular", "if unit " + unit + " conformity is regular or extended", i + 2));
      plan.add(deviceId(unit, 3, "extended", "if unit " + unit + " conformity is extended", i + 3));
      plan.add(
          new PlannedRequest(
              ModbusRequest.reportServerId(unit),
              "FC 17 Report Server ID",
              "if unit " + unit + " answered",
              i + 4));
    }
    return plan;
  }

  private static PlannedRequest deviceId(
      int unit, int code, String level, String condition, int step) {
    return new PlannedRequest(
        ModbusRequest.readDeviceIdentification(unit, code, 0),
        "FC 43/14 Read Device Identification, "
            + level
            + " (ReadDevIdCode "
            + code
            + ") from object 0x00",
        condition,
        step);
  }

  private static List<PlannedRequest> opcUa() {
    String session = "if an endpoint offers SecurityPolicy None with an anonymous user token";
    List<PlannedRequest> plan =
        List.of(
            opc(OpcUaService.GET_ENDPOINTS, "endpoints, security policies, certificates", "always"),
            opc(OpcUaService.FIND_SERVERS, "application descriptions and discovery URLs", "always"),
            opc(
                OpcUaService.OPEN_SECURE_CHANNEL,
                "SecurityPolicy None, MessageSecurityMode None",
                session),
            opc(OpcUaService.CREATE_SESSION, "session for the fieldprint application", session),
            opc(OpcUaService.ACTIVATE_SESSION, "anonymous user identity token", session),
            opc(OpcUaService.READ, "Server BuildInfo (i=2261..2266) and ServerStatus", session),
            opc(
                OpcUaService.BROWSE,
                "DI DeviceSet (nsu=http://opcfoundation.org/UA/DI/;i=5001)",
                "if the server has the DI namespace"),
            opc(
                OpcUaService.READ,
                "DI identification properties of each device found",
                "if the DeviceSet has devices"),
            opc(
                OpcUaService.CLOSE_SESSION,
                "delete subscriptions: true",
                "if a session was created"),
            opc(OpcUaService.CLOSE_SECURE_CHANNEL, "", "if a secure channel was opened"));
    List<PlannedRequest> numbered = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      PlannedRequest p = plan.get(i);
      numbered.add(new PlannedRequest(p.request(), p.description(), p.condition(), i + 1));
    }
    return numbered;
  }

  private static PlannedRequest opc(OpcUaService service, String description, String condition) {
    return new PlannedRequest(OpcUaServiceRequest.of(service), description, condition, 0);
  }
}
