package io.fieldprint.collector.http;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.ingest.ReportParse;
import io.fieldprint.collector.ingest.ReportReader;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.IncomingReport;
import io.fieldprint.collector.storage.IngestOutcome;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/reports}: an agent's inventory for its own site. 201 when applied, 200 when
 * the agent already sent this report id (nothing is applied twice).
 */
final class ReportRoutes {
  private final CollectorStore store;
  private final Blocking blocking;
  private final ReportReader reader;
  private final CollectorMetrics metrics;

  ReportRoutes(
      CollectorStore store, Blocking blocking, ReportReader reader, CollectorMetrics metrics) {
    this.store = store;
    this.blocking = blocking;
    this.reader = reader;
    this.metrics = metrics;
  }

  void mount(Router api) {
    api.post("/reports").handler(this::post);
  }

  private void post(RoutingContext ctx) {
    if (!(Authenticator.principal(ctx) instanceof Principal.Agent agent)) {
      throw ApiException.forbidden("only agent tokens may post reports");
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    metrics.reportStarted();
    blocking
        .run(() -> ingest(agent, body))
        .onComplete(done -> metrics.reportDone())
        .onSuccess(
            outcome -> {
              metrics.report(outcome);
              ApiJson.send(ctx, outcome.applied() ? 201 : 200, json(outcome));
            })
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.status() == 400) {
                metrics.rejectedReport();
              }
              ctx.fail(e);
            });
  }

  private IngestOutcome ingest(Principal.Agent agent, byte[] body) {
    ReportParse parse = reader.read(body);
    if (parse instanceof ReportParse.Rejected r) {
      throw new ApiException(400, "bad_request", r.reason(), r.details());
    }
    ReportParse.Parsed p = (ReportParse.Parsed) parse;
    if (p.site().isPresent() && !p.site().get().equals(agent.siteId())) {
      throw ApiException.forbidden("this agent reports for site " + agent.siteId() + " only");
    }
    return store.ingest(
        new IncomingReport(
            agent.agentId(),
            agent.siteId(),
            p.reportId(),
            p.agentVersion(),
            p.assets(),
            p.findings()));
  }

  private static JsonObject json(IngestOutcome o) {
    return new JsonObject()
        .put("applied", o.applied())
        .put("duplicate", !o.applied())
        .put("assets", o.assets())
        .put("newDevices", o.newDevices())
        .put("firmwareChanges", o.firmwareChanges())
        .put("findings", o.findings());
  }
}
