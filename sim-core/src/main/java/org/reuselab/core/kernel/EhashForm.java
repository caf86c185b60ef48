package org.reuselab.core.kernel;

/** The two forms of inet_ehashfn() / inet6_ehashfn(): where the local port enters the hash. */
public enum EhashForm {
    /** Before 6.15: jhash_3words(laddr, faddr, lport << 16 | fport, secret + mix). */
    LPORT_IN_HASH,
    /** 6.15+ ("inet: change lport contribution to inet_ehashfn()"): lport + jhash_3words(laddr, faddr, fport, ...). */
    LPORT_ADDED
}
