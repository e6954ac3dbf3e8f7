package io.fieldprint.agent.service;

import io.fieldprint.advisories.match.AdvisoryMatch;
import io.fieldprint.agent.service.advisories.LocalAdvisories;
import io.fieldprint.agent.service.capture.CaptureCounters;
import io.fieldprint.agent.service.capture.LiveCapture;
import io.fieldprint.agent.service.inventory.LiveInventory;
import io.fieldprint.agent.service.ops.AgentMetrics;
import io.fieldprint.agent.service.outbox.Outbox;
import io.fieldprint.agent.service.outbox.ReportSender;
import java.util.List;
import java.util.Optional;

/** Registers the agent's gauges and counters (names in {@code docs/how-to/run-the-agent.md}). */
final class AgentGauges {
  private AgentGauges() {}

  static void bind(
      AgentMetrics m,
      Outbox outbox,
      List<LiveCapture> captures,
      Optional<ReportSender> sender,
      Optional<ScanSchedule> scans,
      ReportCycle cycle,
      LiveInventory inventory) {
    m.gauge(
        "fieldprint_agent_outbox_bytes",
        "Bytes of unsent reports in the outbox",
        outbox,
        Outbox::bytes);
    m.gauge(
        "fieldprint_agent_outbox_reports", "Unsent reports in the outbox", outbox, Outbox::count);
    m.gauge("fieldprint_agent_assets", "Assets in the last snapshot", cycle, c -> c.lastAssets());
    m.counter(
        "fieldprint_agent_inventory_devices_dropped",
        "Observations of devices not tracked because the inventory held maxDevices already",
        inventory,
        LiveInventory::devicesDropped);
    for (LiveCapture c : captures) {
      CaptureCounters k = c.counters();
      String name = k.interfaceName();
      m.counter(
          "fieldprint_agent_capture_frames",
          "Frames read from the interface",
          "interface",
          name,
          k,
          CaptureCounters::frames);
      m.counter(
          "fieldprint_agent_capture_received",
          "Packets libpcap received (pcap_stats ps_recv)",
          "interface",
          name,
          k,
          CaptureCounters::received);
      m.counter(
          "fieldprint_agent_capture_dropped",
          "Packets libpcap dropped for lack of buffer (pcap_stats ps_drop)",
          "interface",
          name,
          k,
          CaptureCounters::dropped);
      m.counter(
          "fieldprint_agent_capture_interface_dropped",
          "Packets the interface or driver dropped (pcap_stats ps_ifdrop)",
          "interface",
          name,
          k,
          CaptureCounters::droppedByInterface);
    }
    sender.ifPresent(
        s -> {
          m.counter(
              "fieldprint_agent_reports_sent",
              "Reports the collector accepted or refused for good",
              "outcome",
              "delivered",
              s,
              ReportSender::delivered);
          m.counter(
              "fieldprint_agent_reports_sent",
              "Reports the collector accepted or refused for good",
              "outcome",
              "refused",
              s,
              ReportSender::refused);
          m.counter(
              "fieldprint_agent_delivery_failures",
              "Delivery attempts that failed and will be retried",
              "collector",
              "default",
              s,
              ReportSender::failedAttempts);
        });
    scans.ifPresent(
        s -> {
          m.counter(
              "fieldprint_agent_scan_passes",
              "Scan passes done",
              "kind",
              "scheduled",
              s,
              ScanSchedule::passes);
          m.gauge(
              "fieldprint_agent_scan_targets_waiting",
              "Targets of scan.networks the last pass left out: not seen passively yet (onlySeen)",
              s,
              ScanSchedule::waiting);
        });
  }

  static void bindAdvisories(AgentMetrics m, LocalAdvisories advisories) {
    m.gauge(
        "fieldprint_agent_advisories",
        "Advisories indexed from the local advisory store",
        advisories,
        LocalAdvisories::documents);
    for (AdvisoryMatch.Level level : AdvisoryMatch.Level.values()) {
      m.gauge(
          "fieldprint_agent_advisory_matches",
          "Matches of the last snapshot against the local advisory store",
          "confidence",
          level.name().toLowerCase(java.util.Locale.ROOT),
          advisories,
          a -> a.lastMatches(level));
    }
  }
}
