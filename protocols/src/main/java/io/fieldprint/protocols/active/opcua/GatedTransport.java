package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.active.Admission;
import io.fieldprint.protocols.active.OpcUaService;
import io.fieldprint.protocols.active.OpcUaServiceRequest;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.Outcome;
import io.fieldprint.protocols.active.Permit;
import io.fieldprint.protocols.active.ScanTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaServiceFaultException;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.util.Unit;
import org.eclipse.milo.opcua.stack.transport.client.ClientApplicationContext;
import org.eclipse.milo.opcua.stack.transport.client.OpcClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.OpcClientTransportConfig;

/**
 * A Milo client transport that lets nothing leave the process unadmitted: every service request
 * Milo hands to the transport (the probe's own calls, Milo's session initializer reads,
 * keep-alives, anything else) is first admitted by the {@link OutboundGate} as the {@link
 * OpcUaService} its class names; opening the transport is admitted as OpenSecureChannel and closing
 * it as CloseSecureChannel. A refused request fails locally with {@code Bad_RequestNotAllowed}; a
 * request told to wait is retried after the gate's delay until the probe's deadline.
 */
final class GatedTransport implements OpcClientTransport {

  private final OpcClientTransport delegate;
  private final OutboundGate gate;
  private final ScanTarget target;
  private final Deadline deadline;

  GatedTransport(
      OpcClientTransport delegate, OutboundGate gate, ScanTarget target, Deadline deadline) {
    this.delegate = delegate;
    this.gate = gate;
    this.target = target;
    this.deadline = deadline;
  }

  @Override
  public OpcClientTransportConfig getConfig() {
    return delegate.getConfig();
  }

  @Override
  public CompletableFuture<Unit> connect(ClientApplicationContext context) {
    return admitted(
        OpcUaServiceRequest.of(OpcUaService.OPEN_SECURE_CHANNEL), () -> delegate.connect(context));
  }

  @Override
  public CompletableFuture<Unit> disconnect() {
    // closing is always done (a refused CloseSecureChannel still drops the TCP connection)
    CompletableFuture<Unit> closed =
        admitted(OpcUaServiceRequest.of(OpcUaService.CLOSE_SECURE_CHANNEL), delegate::disconnect)
            .exceptionallyCompose(e -> delegate.disconnect());
    return closed.whenComplete((u, e) -> gate.connectionClosed(target));
  }

  @Override
  public CompletableFuture<UaResponseMessageType> sendRequestMessage(UaRequestMessageType request) {
    return RequestServices.of(request)
        .map(r -> admitted(r, () -> delegate.sendRequestMessage(request)))
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new UaException(
                        StatusCodes.Bad_RequestNotAllowed,
                        "not an OPC UA service fieldprint may send: "
                            + request.getClass().getSimpleName())));
  }

  private <T> CompletableFuture<T> admitted(
      OpcUaServiceRequest request, Supplier<CompletableFuture<T>> send) {
    Admission admission = gate.admit(target, request);
    if (admission instanceof Admission.Admitted a) {
      return sent(a.permit(), send);
    }
    if (admission instanceof Admission.Wait w && deadline.allows(w.duration())) {
      return CompletableFuture.supplyAsync(
              () -> null,
              CompletableFuture.delayedExecutor(w.duration().toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> admitted(request, send));
    }
    String reason =
        admission instanceof Admission.Refused r
            ? r.reason()
            : "time budget exhausted while waiting: " + ((Admission.Wait) admission).reason();
    return CompletableFuture.failedFuture(
        new UaException(
            StatusCodes.Bad_RequestNotAllowed,
            "gate refused " + request.auditText() + ": " + reason));
  }

  private static <T> CompletableFuture<T> sent(Permit permit, Supplier<CompletableFuture<T>> send) {
    CompletableFuture<T> response;
    try {
      response = send.get();
    } catch (RuntimeException e) {
      permit.complete(Outcome.EXCEPTION);
      return CompletableFuture.failedFuture(e);
    }
    return response
        .orTimeout(permit.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((r, e) -> permit.complete(outcome(r, e)));
  }

  static Outcome outcome(Object response, Throwable failure) {
    if (failure == null) {
      if (response instanceof UaResponseMessageType m
          && m.getResponseHeader() != null
          && m.getResponseHeader().getServiceResult().isBad()) {
        return Outcome.REFUSED_BY_DEVICE;
      }
      return Outcome.SUCCESS;
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException) {
      return Outcome.TIMEOUT;
    }
    if (cause instanceof UaServiceFaultException) {
      return Outcome.REFUSED_BY_DEVICE;
    }
    return Outcome.EXCEPTION;
  }
}
