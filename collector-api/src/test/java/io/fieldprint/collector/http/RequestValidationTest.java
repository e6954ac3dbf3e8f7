package io.fieldprint.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests are checked against openapi.yaml: 400 with every violation, bounded. */
class RequestValidationTest {
  @TempDir Path dir;
  private RunningCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new RunningCollector(dir, "");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void aBodyThatBreaksTheDocumentedSchemaIsRefusedWithEachViolation() throws Exception {
    HttpResponse<String> r =
        c.post("/api/v1/sites", c.adminToken, "{\"id\":\"Not A Site\",\"name\":\"\"}");
    assertEquals(400, r.statusCode(), r.body());
    JsonObject error = new JsonObject(r.body());
    assertEquals("bad_request", error.getString("error"));
    JsonArray details = error.getJsonArray("details");
    assertEquals(2, details.size(), details.encode());
    assertTrue(details.getString(0).startsWith("body $.id"), details.encode());
    assertTrue(details.getString(1).startsWith("body $.name"), details.encode());
    assertEquals(
        201, c.post("/api/v1/sites", c.adminToken, "{\"id\":\"a\",\"name\":\"A\"}").statusCode());
  }

  @Test
  void queryAndPathParametersAreCheckedAgainstTheirSchemas() throws Exception {
    c.post("/api/v1/sites", c.adminToken, "{\"id\":\"plant-a\",\"name\":\"A\"}");
    JsonArray notANumber = details(c.get("/api/v1/sites/plant-a/matches?limit=ten", c.adminToken));
    assertEquals("query parameter limit: must be an integer", notANumber.getString(0));
    JsonArray tooMany = details(c.get("/api/v1/sites/plant-a/matches?limit=5000", c.adminToken));
    assertTrue(tooMany.getString(0).startsWith("query parameter limit"), tooMany.encode());
    JsonArray badSite = details(c.get("/api/v1/sites/Plant_A/matches", c.adminToken));
    assertTrue(badSite.getString(0).startsWith("path parameter site"), badSite.encode());
    JsonArray missing = details(c.get("/api/v1/alerts", c.adminToken));
    assertEquals("query parameter site: is required", missing.getString(0));
    assertEquals(200, c.get("/api/v1/sites/plant-a/matches?limit=10", c.adminToken).statusCode());
  }

  @Test
  void manyViolationsAreReportedUpToTheBound() throws Exception {
    JsonArray sites = new JsonArray();
    for (int i = 0; i < 50; i++) {
      sites.add(i);
    }
    String body = new JsonObject().put("name", 7).put("role", "root").put("sites", sites).encode();
    JsonArray details = details(c.post("/api/v1/users", c.adminToken, body));
    assertEquals(RequestValidator.MAX_VIOLATIONS, details.size(), details.encode());
  }

  @Test
  void anUnauthenticatedRequestIsRefusedBeforeItsBodyIsLookedAt() throws Exception {
    assertEquals(401, c.post("/api/v1/sites", null, "{\"id\":7}").statusCode());
  }

  private static JsonArray details(HttpResponse<String> r) {
    assertEquals(400, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("details");
  }
}
