package org.reuselab.core.net;

/** One classic BPF instruction {code, jt, jf, k}, as struct sock_filter holds it. */
public record CbpfInsn(int code, int jt, int jf, int k) {
    /** BPF_RET | BPF_K. */
    public static final int RET_K = 0x06;
}
