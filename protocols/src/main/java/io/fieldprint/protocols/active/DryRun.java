package io.fieldprint.protocols.active;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --dry-run}: renders every request a scan would send — Modbus byte for byte (MBAP + PDU in
 * hex, with a decoded description), OPC UA service by service — and sends nothing. Each request is
 * checked against the {@link RequestPolicy}; a refused one is shown as refused.
 */
public final class DryRun {

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private DryRun() {}

  /** The dry-run text for {@code targets}; lines end with {@code \n}. */
  public static String render(List<ScanTarget> targets, ScanLimits limits, RequestPolicy policy) {
    StringBuilder out = new StringBuilder();
    out.append("dry run: nothing is sent; ").append(targets.size()).append(" target(s)\n");
    for (ScanTarget target : targets) {
      out.append('\n');
      renderTarget(out, target, limits, policy);
    }
    return out.toString();
  }

  private static void renderTarget(
      StringBuilder out, ScanTarget target, ScanLimits limits, RequestPolicy policy) {
    int budget = limits.budget(target.protocol());
    out.append(target.uri()).append(" (");
    if (target.protocol() == ScanProtocol.MODBUS) {
      List<Integer> units =
          target.unitId().isPresent() ? List.of(target.unitId().getAsInt()) : limits.unitIds();
      out.append("unit ids ")
          .append(units.stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append("; ");
    }
    out.append("budget ").append(budget).append(")\n");
    List<PlannedRequest> plan = ScanPlan.forTarget(target, limits);
    for (int i = 0; i < plan.size(); i++) {
      out.append(String.format("  %2d. ", i + 1)).append(line(plan.get(i), policy));
      out.append('\n');
    }
    int dropped = ScanPlan.uncapped(target, limits).size() - plan.size();
    if (dropped > 0) {
      out.append("      left out: ")
          .append(dropped)
          .append(" request(s) whose path would exceed the budget\n");
    }
  }

  /** Modbus transaction ids count per device in sending order, so the step is the id. */
  private static String line(PlannedRequest planned, RequestPolicy policy) {
    String refusal = policy.refusal(planned.request()).map(r -> " REFUSED: " + r).orElse("");
    String wire =
        planned.request() instanceof ModbusRequest m
            ? HEX.formatHex(MbapEncoder.encode(m, planned.step()))
                + "  unit "
                + m.unitId()
                + " "
                + planned.description()
            : planned.request().auditText() + describe(planned);
    return wire + " [" + planned.condition() + "]" + refusal;
  }

  private static String describe(PlannedRequest planned) {
    return planned.description().isEmpty() ? "" : " - " + planned.description();
  }
}
