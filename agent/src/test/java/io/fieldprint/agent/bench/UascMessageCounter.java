package io.fieldprint.agent.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * First handler of a simulated OPC UA device's Netty pipeline: counts the connection and every OPC
 * UA Connection Protocol / Secure Conversation message the client sends (Part 6 §7.1.2: 3-byte
 * type, 1-byte chunk type, 4-byte little-endian size), reassembling headers across reads. A request
 * is a Hello (the start of opening the channel; the OpenSecureChannel that follows belongs to it),
 * the final chunk of a MSG (one service call) or a CloseSecureChannel. Passes every byte on.
 */
final class UascMessageCounter extends ChannelInboundHandlerAdapter {

  private final DeviceCounters counters;
  private final byte[] header = new byte[8];
  private int headerFill;
  private long bodyLeft;

  UascMessageCounter(DeviceCounters counters) {
    this.counters = counters;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    counters.connectionOpened();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    counters.connectionClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      scan(buf);
    }
    ctx.fireChannelRead(msg);
  }

  private void scan(ByteBuf buf) {
    int i = buf.readerIndex();
    int end = buf.writerIndex();
    while (i < end) {
      if (bodyLeft > 0) {
        int skip = (int) Math.min(bodyLeft, end - i);
        bodyLeft -= skip;
        i += skip;
        continue;
      }
      header[headerFill++] = buf.getByte(i++);
      if (headerFill == header.length) {
        headerFill = 0;
        long size =
            (header[4] & 0xFFL)
                | (header[5] & 0xFFL) << 8
                | (header[6] & 0xFFL) << 16
                | (header[7] & 0xFFL) << 24;
        bodyLeft = Math.max(0, size - header.length);
        count(new String(header, 0, 3, StandardCharsets.US_ASCII), (char) header[3]);
      }
    }
  }

  private void count(String type, char chunk) {
    switch (type) {
      case "HEL", "CLO" -> counters.request(type);
      case "MSG" -> {
        if (chunk == 'F') {
          counters.request(type);
        } else {
          counters.message("MSG-" + chunk);
        }
      }
      default -> counters.message(type);
    }
  }
}
