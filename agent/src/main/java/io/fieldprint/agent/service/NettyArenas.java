package io.fieldprint.agent.service;

/**
 * One arena for Netty's pooled allocator instead of two per core. The OPC UA client (Milo) takes
 * its buffers from {@code PooledByteBufAllocator.DEFAULT}, whose arenas each hold a 4 MiB chunk of
 * direct memory: a scan pass over 50 OPC UA servers touched four of them (16 MiB, NMT "Other") on a
 * 2-core box, for a few requests per second that one arena serves as well (bench/agent,
 * docs/benchmarks.md). An explicit {@code -Dio.netty.allocator.num*Arenas} wins; the setting only
 * takes effect before Netty's allocator is first loaded, which in {@code fieldprint agent} is the
 * service's start.
 */
final class NettyArenas {
  static final String DIRECT = "io.netty.allocator.numDirectArenas";
  static final String HEAP = "io.netty.allocator.numHeapArenas";

  private NettyArenas() {}

  static void limitToOne() {
    for (String key : new String[] {DIRECT, HEAP}) {
      if (System.getProperty(key) == null) {
        System.setProperty(key, "1");
      }
    }
  }
}
