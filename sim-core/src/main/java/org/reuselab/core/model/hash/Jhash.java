package org.reuselab.core.model.hash;

/**
 * Bob Jenkins' lookup3 hash of three 32-bit words, in the variant the kernel calls jhash_3words()
 * (include/linux/jhash.h): the initial value gets 0xdeadbeef plus the byte length (12) added,
 * each word gets the initial value added, then lookup3's final mix, returning the third word.
 */
public final class Jhash {

    private static final int GOLDEN_INIT = 0xdeadbeef;

    private Jhash() {
    }

    public static int hash3(int a, int b, int c, int initval) {
        int iv = initval + GOLDEN_INIT + (3 << 2);
        return finalMix(a + iv, b + iv, c + iv);
    }

    /** jhash_1word(): the same with one word (length 4). */
    public static int hash1(int a, int initval) {
        int iv = initval + GOLDEN_INIT + (1 << 2);
        return finalMix(a + iv, iv, iv);
    }

    /** lookup3's final(): seven rounds of xor, subtract and rotate, leaving the result in c. */
    private static int finalMix(int a, int b, int c) {
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
