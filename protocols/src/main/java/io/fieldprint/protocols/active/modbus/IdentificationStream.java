package io.fieldprint.protocols.active.modbus;

import io.fieldprint.protocols.active.ModbusRequest;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.modbus.DeviceIdentification;
import io.fieldprint.protocols.modbus.ExceptionCode;
import io.fieldprint.protocols.modbus.ReadDeviceIdentificationResponse;
import io.fieldprint.protocols.model.Evidence;
import java.nio.ByteBuffer;

/**
 * One FC 43/14 stream access (one ReadDevIdCode) to one unit, from object 0, following more-follows
 * pages. Page loop guard: the next object id must be above the one just asked for, and at most
 * {@value #MAX_PAGES} pages are asked for (the gate's budget usually stops it sooner).
 */
final class IdentificationStream {
  static final int MAX_PAGES = 8;

  private final ModbusProbeRun run;
  private final int unit;
  private final int code;
  private DeviceIdentification objects;
  private String firstOrigin;
  private int conformityLevel;

  IdentificationStream(ModbusProbeRun run, int unit, int code) {
    this.run = run;
    this.unit = unit;
    this.code = code;
  }

  /**
   * Where a stream starts: basic at VendorName (0x00), regular at VendorUrl (0x03) and extended at
   * 0x80, so objects the previous stream read are not fetched again. A server that lacks the
   * starting object answers as if object 0x00 had been asked (Modbus Application Protocol V1.1b3,
   * 6.21), so nothing is lost on devices that implement fewer objects.
   */
  static int firstObjectId(int code) {
    return switch (code) {
      case 2 -> 0x03;
      case 3 -> 0x80;
      default -> 0x00;
    };
  }

  /** Conformity level of the last page (0 when none arrived). */
  int conformityLevel() {
    return conformityLevel;
  }

  ModbusProbeRun.UnitResult read() {
    int objectId = firstObjectId(code);
    for (int page = 0; page < MAX_PAGES; page++) {
      String origin = run.origin(unit) + " FC43/14 code=" + code + " object=" + objectId;
      ModbusReply reply =
          run.exchanges().send(ModbusRequest.readDeviceIdentification(unit, code, objectId));
      PageResult result = page(origin, reply, objectId);
      if (result.next() < 0) {
        emit(result.outcome() == ModbusProbeRun.UnitResult.ANSWERED && result.complete());
        return result.outcome();
      }
      objectId = result.next();
    }
    run.reason(run.origin(unit) + " FC43/14 code=" + code + ": more than " + MAX_PAGES + " pages");
    emit(false);
    return ModbusProbeRun.UnitResult.ANSWERED;
  }

  private PageResult page(String origin, ModbusReply reply, int objectId) {
    if (reply instanceof ModbusReply.Silence) {
      run.failedExchange(origin, reply);
      return PageResult.end(
          objects == null ? ModbusProbeRun.UnitResult.SILENT : ModbusProbeRun.UnitResult.STOP);
    }
    if (!(reply instanceof ModbusReply.Frame frame)) {
      run.failedExchange(origin, reply);
      return PageResult.end(ModbusProbeRun.UnitResult.STOP);
    }
    run.announce(origin);
    if (frame.functionCode() == (ModbusRequest.ENCAPSULATED_INTERFACE_TRANSPORT | 0x80)) {
      int exception = run.exceptionAnswer(origin, frame);
      return PageResult.end(
          exception >= 0 && ExceptionCode.isGatewayCode(exception)
              ? ModbusProbeRun.UnitResult.GATEWAY
              : ModbusProbeRun.UnitResult.ANSWERED);
    }
    byte[] bytes = frame.frame();
    if (frame.functionCode() != ModbusRequest.ENCAPSULATED_INTERFACE_TRANSPORT
        || bytes.length < 9
        || (bytes[8] & 0xFF) != ModbusRequest.READ_DEVICE_IDENTIFICATION) {
      run.malformed(origin, "not a Read Device Identification response");
      return PageResult.end(ModbusProbeRun.UnitResult.STOP);
    }
    Parsed<ReadDeviceIdentificationResponse> parsed =
        ReadDeviceIdentificationResponse.parse(ByteBuffer.wrap(bytes), 7, bytes.length);
    if (parsed instanceof Parsed.Malformed<ReadDeviceIdentificationResponse> m) {
      run.malformed(origin, m.reason());
      return PageResult.end(ModbusProbeRun.UnitResult.STOP);
    }
    return accept(origin, ((Parsed.Ok<ReadDeviceIdentificationResponse>) parsed).value(), objectId);
  }

  private PageResult accept(String origin, ReadDeviceIdentificationResponse page, int objectId) {
    if (page.problem() != null) {
      run.malformed(origin, page.problem());
    }
    if (objects == null) {
      objects = new DeviceIdentification(unit, origin, run.now());
      firstOrigin = origin;
    }
    objects.add(page, objectId);
    conformityLevel = page.conformityLevel();
    if (!page.hasMoreFollows()) {
      return new PageResult(ModbusProbeRun.UnitResult.ANSWERED, -1, true);
    }
    if (page.nextObjectId() <= objectId) {
      run.malformed(
          origin,
          "more follows from object "
              + page.nextObjectId()
              + ", not after object "
              + objectId
              + " (loop)");
      return new PageResult(ModbusProbeRun.UnitResult.ANSWERED, -1, false);
    }
    return new PageResult(ModbusProbeRun.UnitResult.ANSWERED, page.nextObjectId(), false);
  }

  private void emit(boolean complete) {
    if (objects != null) {
      run.identified(
          objects.identity(),
          new Evidence(
              ModbusProbeRun.SOURCE_IDENTIFICATION,
              run.now(),
              firstOrigin,
              objects.fields(complete)));
    }
  }

  /** How one page ended: the unit result, the next object id (-1: no more pages), completeness. */
  private record PageResult(ModbusProbeRun.UnitResult outcome, int next, boolean complete) {
    static PageResult end(ModbusProbeRun.UnitResult outcome) {
      return new PageResult(outcome, -1, false);
    }
  }
}
