// The start-up floor for tests/bench/stdio_startup: the least a Qt 6 Core program can do to
// answer one line on stdin. It reads one line, answers one fixed JSON-RPC line, then idles on
// its event loop (so its resident set can be read) until stdin reaches end of file, and exits 0.
// Nothing here is HomeWarden code: it measures what QCoreApplication itself costs.

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <string>
#include <unistd.h>

namespace {

// A fixed initialize-shaped answer; the benchmark only waits for one complete line.
constexpr char reply[] = R"({"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25",)"
                         R"("capabilities":{},"serverInfo":{"name":"bench-floor","version":"1"}}})"
                         "\n";

bool writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    std::string pending;
    bool answered = false;
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            notifier.setEnabled(false);
            QCoreApplication::exit(n == 0 ? 0 : 1);
            return;
        }
        if (answered)
            return;
        pending.append(buffer, static_cast<size_t>(n));
        if (pending.find('\n') == std::string::npos)
            return;
        answered = true;
        pending.clear();
        if (!writeAll(reply, sizeof reply - 1))
            QCoreApplication::exit(1);
    });

    return QCoreApplication::exec();
}
