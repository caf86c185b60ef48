package org.reuselab.probe.vm;

/** How a guest's command ended: its exit status, the guest kernel's release, and how long boot and run took. */
public record GuestResult(int exit, String release, long bootMs, long totalMs) {
}
