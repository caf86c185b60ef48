#!/bin/busybox sh
# The guest's init (reuselab, sim-probe GuestVm). Loads the modules listed in /modules/order,
# mounts the host's root read-only over 9p under a tmpfs overlay (the guest may write anywhere;
# its writes vanish with it), mounts the control share at /.reuselab-vm and every writable share
# named in /control/mounts at its host path, runs /.reuselab-vm/command.sh chrooted, writes its
# exit status next to its output and powers off (qemu runs with -no-reboot, so it exits).
B=/bin/busybox
fail() {
  echo "reuselab-guest: $*"
  $B sync
  $B poweroff -f
}
OPTS=trans=virtio,version=9p2000.L,msize=512000
$B mkdir -p /proc /sys /dev /host /control /rw /root
$B mount -t proc proc /proc
$B mount -t devtmpfs dev /dev
for m in $($B cat /modules/order); do
  $B insmod "/modules/$m.ko" || fail "insmod $m failed"
done
$B mount -t 9p -o "$OPTS,ro,cache=loose" hostroot /host || fail "cannot mount the host's root over 9p"
$B mount -t 9p -o "$OPTS" control /control || fail "cannot mount the control share"
$B mount -t tmpfs rw /rw && $B mkdir -p /rw/upper /rw/work || fail "cannot mount a tmpfs"
$B mount -t overlay -o lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work overlay /root || fail "cannot mount the overlay"
$B mount -t proc proc /root/proc || fail "cannot mount /proc"
$B mount -t sysfs sys /root/sys || fail "cannot mount /sys"
$B mount -t devtmpfs dev /root/dev || fail "cannot mount /dev"
$B mkdir -p /root/.reuselab-vm && $B mount --bind /control /root/.reuselab-vm || fail "cannot bind the control share"
if [ -f /control/mounts ]; then
  while read -r tag path; do
    [ -n "$tag" ] || continue
    $B mkdir -p "/root$path" && $B mount -t 9p -o "$OPTS" "$tag" "/root$path" || fail "cannot mount $path"
  done < /control/mounts
fi
$B uname -r > /control/release
$B chroot /root /bin/sh /.reuselab-vm/command.sh < /dev/null > /control/stdout 2> /control/stderr
echo $? > /control/status
$B sync
$B poweroff -f
