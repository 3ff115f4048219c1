package dev.keel.testkit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the contract checks a dialect lists in {@link DialectContractTest#knownFailures()} as expected failures: one
 * that fails is reported as skipped with the listed reason; one that passes fails, so the entry gets removed.
 */
final class KnownFailures implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        String name = invocationContext.getExecutable().getName();
        Optional<String> reason = extensionContext.getRequiredTestInstances().getAllInstances().stream()
                .filter(DialectContractTest.class::isInstance).map(DialectContractTest.class::cast).findFirst()
                .map(test -> test.knownFailures().get(name));
        if (reason.isEmpty()) {
            invocation.proceed();
            return;
        }
        try {
            invocation.proceed();
        } catch (Throwable expected) {
            System.getLogger(KnownFailures.class.getName()).log(System.Logger.Level.WARNING,
                    "known failure of " + name + ": " + reason.get() + " (" + expected + ")");
            extensionContext.publishReportEntry("keel.knownFailure", name + ": " + reason.get());
            throw new TestAbortedException("known failure: " + reason.get() + " — got " + expected, expected);
        }
        throw new AssertionFailedError(name + " now passes: remove it from knownFailures() (" + reason.get() + ")");
    }
}
