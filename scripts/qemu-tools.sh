# Sourced by ./run-tests: makes sure qemu-system-x86_64 and a static busybox are there for the
# booted-kernel tests (installing them with apt-get where this is a Debian host and we are root),
# and sets REUSELAB_QEMU_MISSING to the reason when they cannot be had (the tests then print SKIPPED).
REUSELAB_QEMU_MISSING=""
reuselab_static_busybox() {
  [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1
}
if ! command -v qemu-system-x86_64 >/dev/null 2>&1 || ! reuselab_static_busybox; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing qemu-system-x86 and busybox-static for the booted-kernel tests (apt-get)" >&2
    if ! { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        qemu-system-x86 busybox-static >/dev/null; }; then
      REUSELAB_QEMU_MISSING="apt-get install qemu-system-x86 busybox-static failed"
    fi
  else
    REUSELAB_QEMU_MISSING="needs qemu-system-x86_64 and busybox-static (apt-get install qemu-system-x86 busybox-static, as root)"
  fi
fi
if [ -z "$REUSELAB_QEMU_MISSING" ] && ! command -v qemu-system-x86_64 >/dev/null 2>&1; then
  REUSELAB_QEMU_MISSING="qemu-system-x86_64 not found after installing"
fi
export REUSELAB_QEMU_MISSING
