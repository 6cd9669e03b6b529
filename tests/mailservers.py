"""Real TCP mail servers on 127.0.0.1 for tests: one that hangs, one that speaks enough SMTP.

Both run in threads on a free port. ``HungServer`` accepts connections and never says a word
(what a stuck mail server does); ``SmtpRecorder`` answers like a mail server and keeps every
message it is given, so a test can count what arrived.
"""

from __future__ import annotations

import contextlib
import email
import socket
import threading
from dataclasses import dataclass, field
from email.message import Message


class _Server:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self.sock.close()
        for conn in self.connections:
            with contextlib.suppress(OSError):
                conn.close()

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)
            self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        raise NotImplementedError


class HungServer(_Server):
    """Accepts every connection and never answers."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted = threading.Event()

    def handle(self, conn: socket.socket) -> None:
        self.accepted.set()


@dataclass
class Delivery:
    sender: str
    recipients: list[str]
    data: bytes
    message: Message = field(init=False)

    def __post_init__(self) -> None:
        self.message = email.message_from_bytes(self.data)


class SmtpRecorder(_Server):
    """Just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) to receive mail."""

    def __init__(self) -> None:
        super().__init__()
        self.deliveries: list[Delivery] = []
        self._lock = threading.Lock()

    def handle(self, conn: socket.socket) -> None:
        threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")

        def reply(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        reply("220 recorder ready")
        sender, recipients = "", []
        try:
            while True:
                line = reader.readline()
                if not line:
                    return
                command = line.decode(errors="replace").strip()
                verb = command[:4].upper()
                if verb in ("EHLO", "HELO"):
                    reply("250 recorder")
                elif verb == "MAIL":
                    sender, recipients = command.split(":", 1)[1].strip(" <>"), []
                    reply("250 OK")
                elif verb == "RCPT":
                    recipients.append(command.split(":", 1)[1].strip(" <>"))
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    lines = []
                    while (chunk := reader.readline()) not in (b".\r\n", b""):
                        lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                    with self._lock:
                        self.deliveries.append(Delivery(sender, recipients, b"".join(lines)))
                    reply("250 OK queued")
                elif verb in ("RSET", "NOOP"):
                    reply("250 OK")
                elif verb == "QUIT":
                    reply("221 Bye")
                    return
                else:
                    reply("502 Command not implemented")
        except OSError:
            return
        finally:
            conn.close()

    def recipients(self) -> list[str]:
        with self._lock:
            return sorted(r for d in self.deliveries for r in d.recipients)
