package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo summary from the collector's answers (shapes of its OpenAPI document). */
class DemoSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void devicesSayHowTheyWereFoundAndMatchesComeStrongestFirstWithTheirReasons() throws Exception {
    JsonNode plc =
        json(
            "{'uid':'u1','ip':['127.0.0.11'],'vendor':'Demo Automation GmbH','model':'DA5-5100-0AB0',"
                + "'firmware':'V2.3.1','role':'PLC','evidence':[{'origin':'opc.tcp://127.0.0.11:4840/'}],"
                + "'findings':[{'severity':'medium','rule':'opcua.anonymous-access','title':'anon'}]}");
    JsonNode cpu =
        json(
            "{'uid':'u2','ip':['192.168.10.10'],'vendor':'Siemens','product':'CPU 315-2 PN/DP',"
                + "'role':'PLC','evidence':[{'origin':'/x/plant.pcapng#frame=25'},"
                + "{'origin':'opc.tcp://192.168.10.10:4840/'}],'findings':[]}");
    JsonNode low =
        json(
            "{'asset':'u1','advisoryId':'DEMO-2','confidence':'low','explanation':{'title':'t2',"
                + "'confidence':{'reason':'version not decided'}}}");
    JsonNode high =
        json(
            "{'asset':'u2','advisoryId':'ICSA-1','confidence':'high','cvss':7.5,'explanation':"
                + "{'product':'Siemens > CPU','versionRule':{'text':'vers:all/<V3.2.16',"
                + "'firmware':'V3.2.6','result':'affected'},'confidence':{'reason':'model matches'}}}");

    String text = new DemoSummary(List.of(cpu, plc), List.of(low, high)).render();

    assertTrue(text.startsWith("DEVICES (2)\n"), text);
    assertTrue(
        text.matches(
            "(?s).*127\\.0\\.0\\.11 +Demo Automation GmbH +DA5-5100-0AB0 +V2\\.3\\.1 +plc +scan\n.*"),
        text);
    assertTrue(
        text.matches(
            "(?s).*192\\.168\\.10\\.10 +Siemens +CPU 315-2 PN/DP +- +plc +scan\\+capture\n.*"),
        text);
    assertTrue(text.contains("FINDINGS (1)"), text);
    assertTrue(
        text.indexOf("high  192.168.10.10  ICSA-1  CVSS 7.5")
            < text.indexOf("low  127.0.0.11  DEMO-2"),
        text);
    assertTrue(
        text.contains("versions: vers:all/<V3.2.16, device firmware V3.2.6 -> affected"), text);
    assertTrue(text.contains("why: version not decided"), text);
  }
}
