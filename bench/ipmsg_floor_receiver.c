/* The C floor for bench.ipmsg_iptux_roundtrip: what bench/ipmsg_floor_receiver.py does, in C.
 *
 * A blocking recvfrom loop on UDP 2425: a BR_ENTRY gets an ANSENTRY, a SENDMSG asking for a
 * check gets a RECVMSG, both written from a prebuilt template; nothing else (no roster, no
 * budget, no output). The least a receiver can do here, to set iptux's core and the Python
 * floor against. argv[1]: the user name in the answers (default "floor-c"); argv[2]: the port
 * (default 2425); argv[3]: the IPv4 address to bind (default every one; a test's 127.0.0.1).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum { PORT = 2425, ENTRY = 0x01, ANSENTRY = 0x03, SENDMSG = 0x20, RECVMSG = 0x21 };
#define CHECK 0x100UL
#define CAPUTF8 0x01000000UL /* understands UTF-8 (else the sender writes cp936) */

int main(int argc, char **argv) {
    const char *user = argc > 1 ? argv[1] : "floor-c";
    char recv_template[256], ans_template[256];
    /* The answers' fixed parts, as the Python floor's templates: "%llu" left for the numbers. */
    snprintf(recv_template, sizeof recv_template, "1:%%llu:%s:FLOOR:%lu:%%llu", user,
             (unsigned long)RECVMSG);
    snprintf(ans_template, sizeof ans_template, "1:%%llu:%s:FLOOR:%lu:%s", user,
             (unsigned long)(ANSENTRY | CAPUTF8), user);

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int on = 1;
    int port = argc > 2 ? atoi(argv[2]) : PORT;
    struct sockaddr_in me = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (argc > 3 && inet_pton(AF_INET, argv[3], &me.sin_addr) != 1) {
        fprintf(stderr, "ipmsg_floor_receiver: not an IPv4 address: %s\n", argv[3]);
        return 2;
    }
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on) != 0 ||
        bind(fd, (struct sockaddr *)&me, sizeof me) != 0) {
        perror("ipmsg_floor_receiver");
        return 1;
    }
    unsigned long long numbers = 0;
    static char data[65536];
    char reply[512];
    for (;;) { /* SIGTERM's default action ends it */
        struct sockaddr_in from;
        socklen_t from_len = sizeof from;
        ssize_t got = recvfrom(fd, data, sizeof data - 1, 0, (struct sockaddr *)&from, &from_len);
        if (got < 0)
            continue;
        data[got] = '\0';
        /* version:packet:user:host:command:rest — at least five colons, as split(b":", 5). */
        char *colon[5];
        char *at = data;
        int found = 0;
        for (; found < 5 && (at = memchr(at, ':', (size_t)(data + got - at))) != NULL; found++)
            colon[found] = at++;
        if (found < 5)
            continue;
        char *end;
        unsigned long command = strtoul(colon[3] + 1, &end, 10);
        if (end != colon[4])
            continue;
        int length;
        if ((command & 0xFF) == SENDMSG && (command & CHECK)) {
            unsigned long long packet = strtoull(colon[0] + 1, &end, 10);
            if (end != colon[1])
                continue;
            length = snprintf(reply, sizeof reply, recv_template, ++numbers, packet) + 1;
        } else if ((command & 0xFF) == ENTRY) {
            length = snprintf(reply, sizeof reply, ans_template, ++numbers) + 1;
            memcpy(reply + length, "bench", 6); /* the group, after the name's NUL */
            length += 6;
        } else {
            continue;
        }
        sendto(fd, reply, (size_t)length, 0, (struct sockaddr *)&from, from_len);
    }
}
