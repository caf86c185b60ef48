package org.reuselab.core.model.conn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.net.Endpoint;

/**
 * The established hash: 4-tuple to socket, request or TIME_WAIT record. An open-addressing table
 * of the entries themselves (linear probing, deletion by backward shift), so a connection costs
 * one slot and no key object; {@link #all()} is sorted, so no output depends on the table's order.
 * An entry's ends must not change while it is in the table.
 */
public final class Ehash {

    private static final Comparator<EhashEntry> ORDER =
            Comparator.comparing(EhashEntry::localEnd).thenComparing(EhashEntry::remoteEnd);

    private EhashEntry[] slots = new EhashEntry[16];
    /** Each slot's hash, compared before the ends are. */
    private int[] hashes = new int[16];
    private int size;

    public Optional<EhashEntry> find(Endpoint local, Endpoint remote) {
        return Optional.ofNullable(get(local, remote));
    }

    /** The entry for the 4-tuple, or null. */
    public EhashEntry get(Endpoint local, Endpoint remote) {
        int i = indexOf(local, remote);
        return i < 0 ? null : slots[i];
    }

    /** Adds the entry, replacing any entry of the same 4-tuple. */
    public void put(EhashEntry e) {
        Endpoint local = e.localEnd();
        Endpoint remote = e.remoteEnd();
        int h = hash(local, remote);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            EhashEntry there = slots[i];
            if (there == null) {
                slots[i] = e;
                hashes[i] = h;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return;
            }
            if (hashes[i] == h && same(there, local, remote)) {
                slots[i] = e;
                return;
            }
        }
    }

    /** Removes the entry only if it is still the one stored for its 4-tuple. */
    public void remove(EhashEntry e) {
        int i = indexOf(e.localEnd(), e.remoteEnd());
        if (i < 0 || !slots[i].equals(e)) {
            return;
        }
        int mask = slots.length - 1;
        // Backward-shift deletion: pull later members of the probe run into the hole.
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        slots[hole] = null;
        size--;
    }

    /** Every entry, ordered by local then remote end. */
    public List<EhashEntry> all() {
        List<EhashEntry> out = new ArrayList<>(size);
        for (EhashEntry e : slots) {
            if (e != null) {
                out.add(e);
            }
        }
        out.sort(ORDER);
        return out;
    }

    public int size() {
        return size;
    }

    private int indexOf(Endpoint local, Endpoint remote) {
        int h = hash(local, remote);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            EhashEntry there = slots[i];
            if (there == null) {
                return -1;
            }
            if (hashes[i] == h && same(there, local, remote)) {
                return i;
            }
        }
    }

    private static boolean same(EhashEntry e, Endpoint local, Endpoint remote) {
        return e.remoteEnd().equals(remote) && e.localEnd().equals(local);
    }

    private void grow() {
        EhashEntry[] old = slots;
        int[] oldHashes = hashes;
        slots = new EhashEntry[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = slots.length - 1;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != null) {
                int i = oldHashes[k] & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = old[k];
                hashes[i] = oldHashes[k];
            }
        }
    }

    /** A mix of the ends' addresses and ports (the table's own; the kernel's ehashfn picks listeners). */
    private static int hash(Endpoint local, Endpoint remote) {
        long h = fmix(remote.addr().lo() ^ ((long) remote.port() << 32));
        h = fmix(h ^ remote.addr().hi() ^ ((long) local.port() << 48));
        h = fmix(h ^ local.addr().lo() ^ Long.rotateLeft(local.addr().hi(), 17));
        return (int) h;
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
