package io.fieldprint.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The simulated plant of {@code bench/scan}: Modbus/TCP devices on 127.1.x.y and OPC UA devices
 * (Eclipse Milo) on 127.2.x.y, each with its own identity, in this one JVM; every fifth Modbus
 * device pages its identification objects two per response. Writes {@code devices.json} (targets
 * and identities) to the output directory, prints {@code READY}, then obeys stdin: {@code dump
 * NAME} writes {@code counters-NAME.json} (every device's server-side counters since the previous
 * dump) and {@code quit} stops every device.
 *
 * <p>{@code java ... SimulatedPlant --modbus 250 --opcua 250 --out bench/out/scan}
 */
public final class SimulatedPlant {

  /** Every fifth Modbus device answers FC 43 with two objects per response (more-follows). */
  private static final int PAGED_EVERY = 5;

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final List<SimulatedModbusDevice> modbus = new ArrayList<>();
  private final List<SimulatedOpcUaDevice> opcUa = new ArrayList<>();
  private final List<Map<String, Object>> devices = new ArrayList<>();
  private final ExecutorService modbusThreads = Executors.newCachedThreadPool();
  private final Path out;

  private SimulatedPlant(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path out = Path.of(options.getOrDefault("--out", "bench/out/scan"));
    Files.createDirectories(out);
    // Milo's connection rate limiter is one JVM-wide singleton keyed by the client address: here
    // it would treat 250 devices as one server seeing one client. Each real device has its own.
    Stack.ConnectionLimits.RATE_LIMIT_ENABLED = false;
    SimulatedPlant plant = new SimulatedPlant(out);
    try {
      plant.start(
          Integer.parseInt(options.getOrDefault("--modbus", "250")),
          Integer.parseInt(options.getOrDefault("--modbus-port", "502")),
          Integer.parseInt(options.getOrDefault("--opcua", "250")),
          Integer.parseInt(options.getOrDefault("--opcua-port", "4840")));
      plant.serve();
    } finally {
      plant.stop();
    }
    System.exit(0);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  /** Device {@code n} (0-based) of a protocol lives on 127.{net}.{n / 250}.{n % 250 + 1}. */
  static String address(int net, int n) {
    return "127." + net + "." + (n / 250) + "." + (n % 250 + 1);
  }

  private void start(int modbusCount, int modbusPort, int opcUaCount, int opcUaPort)
      throws Exception {
    long t0 = System.nanoTime();
    for (int n = 0; n < modbusCount; n++) {
      String address = address(1, n);
      SimulatedIdentity identity = SimulatedIdentity.of("modbus", n);
      int perPage = n % PAGED_EVERY == PAGED_EVERY - 1 ? 2 : 0;
      modbus.add(
          SimulatedModbusDevice.start(
              InetAddress.getByName(address), modbusPort, identity, perPage, modbusThreads));
      Map<String, Object> d =
          device("modbus", "modbus://" + address + ":" + modbusPort, address, identity);
      d.put("objectsPerPage", perPage);
      devices.add(d);
    }
    long t1 = System.nanoTime();
    startOpcUa(opcUaCount, opcUaPort);
    long t2 = System.nanoTime();
    System.gc();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("modbusStartMs", (t1 - t0) / 1_000_000);
    f.put("opcUaStartMs", (t2 - t1) / 1_000_000);
    f.put("heapUsedAfterStartMiB", heapUsedMiB());
    f.put("threads", Thread.activeCount());
    f.put("devices", devices);
    write("devices.json", f);
  }

  /** Starts the Milo servers two at a time (most of the cost is building each address space). */
  private void startOpcUa(int count, int port) throws Exception {
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      List<Future<SimulatedOpcUaDevice>> started = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        String address = address(2, n);
        SimulatedIdentity identity = SimulatedIdentity.of("opcua", n);
        started.add(
            starters.submit(() -> SimulatedOpcUaDevice.start(address, port, identity, keyPair)));
        String target = "opc.tcp://" + address + ":" + port + SimulatedOpcUaDevice.PATH;
        devices.add(device("opcua", target, address, identity));
      }
      for (Future<SimulatedOpcUaDevice> f : started) {
        opcUa.add(f.get());
      }
    } finally {
      starters.shutdown();
    }
  }

  private static Map<String, Object> device(
      String protocol, String target, String address, SimulatedIdentity identity) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("protocol", protocol);
    f.put("target", target);
    f.put("address", address);
    f.put("identity", identity.fields());
    return f;
  }

  private void serve() throws IOException {
    System.out.println("READY");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("quit")) {
        return;
      }
      if (words[0].equals("dump") && words.length == 2 && words[1].matches("[A-Za-z0-9_-]+")) {
        dump(words[1]);
        System.out.println("DUMPED " + words[1]);
        System.out.flush();
      } else if (!words[0].isEmpty()) {
        System.err.println("SimulatedPlant: unknown command: " + line);
      }
    }
  }

  private void dump(String name) throws IOException {
    List<Map<String, Object>> counters = new ArrayList<>();
    modbus.forEach(d -> counters.add(d.counters().snapshotAndReset()));
    opcUa.forEach(d -> counters.add(d.counters().snapshotAndReset()));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("heapUsedMiB", heapUsedMiB());
    f.put("processCpuMs", processCpuMillis());
    f.put("devices", counters);
    write("counters-" + name + ".json", f);
  }

  private void write(String name, Object value) throws IOException {
    Path tmp = out.resolve(name + ".partial");
    json.writeValue(tmp.toFile(), value);
    Files.move(tmp, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static long heapUsedMiB() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  private static long processCpuMillis() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1_000_000
        : -1;
  }

  private void stop() {
    for (SimulatedModbusDevice d : modbus) {
      try {
        d.close();
      } catch (IOException e) {
        System.err.println("SimulatedPlant: " + e.getMessage());
      }
    }
    for (SimulatedOpcUaDevice d : opcUa) {
      try {
        d.close();
      } catch (IOException e) {
        System.err.println("SimulatedPlant: " + e.getMessage());
      }
    }
    modbusThreads.shutdownNow();
  }
}
