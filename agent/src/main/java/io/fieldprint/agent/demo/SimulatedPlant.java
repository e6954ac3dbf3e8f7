package io.fieldprint.agent.demo;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A simulated plant on loopback: one Eclipse Milo OPC UA server and one read-only Modbus/TCP device
 * per entry of a {@link PlantDescription}, each on its own 127.0.0.x address so the inventory shows
 * separate devices. {@link #close()} stops all of them; a plant that fails to start stops what it
 * had started.
 */
public final class SimulatedPlant implements Closeable {
  private final List<SimulatedOpcUaServer> opcUa;
  private final List<SimulatedModbusDevice> modbus;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SimulatedPlant(List<SimulatedOpcUaServer> opcUa, List<SimulatedModbusDevice> modbus) {
    this.opcUa = opcUa;
    this.modbus = modbus;
  }

  /** Starts every device of the plant (the OPC UA servers in parallel: each makes an RSA key). */
  public static SimulatedPlant start(PlantDescription plant) throws Exception {
    List<SimulatedOpcUaServer> opcUa = new ArrayList<>();
    List<SimulatedModbusDevice> modbus = new ArrayList<>();
    SimulatedPlant started = new SimulatedPlant(opcUa, modbus);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plant.opcUa().size()));
    try {
      List<Future<SimulatedOpcUaServer>> futures = new ArrayList<>();
      for (PlantDescription.OpcUaDevice d : plant.opcUa()) {
        futures.add(pool.submit(() -> SimulatedOpcUaServer.start(d)));
      }
      Exception failure = null;
      for (Future<SimulatedOpcUaServer> f : futures) {
        try {
          opcUa.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failure = e.getCause() instanceof Exception c ? c : e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      for (PlantDescription.ModbusDevice d : plant.modbus()) {
        modbus.add(SimulatedModbusDevice.start(d));
      }
      return started;
    } catch (Exception e) {
      started.close();
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every endpoint as a scan target: {@code opc.tcp://127.0.0.x:PORT/}, then {@code modbus://}. */
  public List<String> targets() {
    List<String> out = new ArrayList<>();
    opcUa.forEach(s -> out.add(s.endpointUrl()));
    for (SimulatedModbusDevice d : modbus) {
      out.add(
          "modbus://" + d.address().getAddress().getHostAddress() + ":" + d.address().getPort());
    }
    return out;
  }

  /**
   * Stops every device (once; later calls do nothing); the first failure is thrown after all were
   * asked to stop.
   */
  @Override
  public void close() throws IOException {
    if (closed.getAndSet(true)) {
      return;
    }
    IOException first = null;
    for (Closeable c : closeables()) {
      try {
        c.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private List<Closeable> closeables() {
    List<Closeable> all = new ArrayList<>(opcUa);
    all.addAll(modbus);
    return all;
  }
}
