// zmx-top: a terminal view of a running zmx-broker, from its control
// endpoint, refreshed once a second: each device side's message rates,
// drops (and why) and queue depths. docs/observability.md shows it at work.
#include "command_line.hpp"
#include "multipart.hpp"
#include "top_view.hpp"
#include "zmq_handles.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>

namespace {

enum exit_code : int { stopped = 0, no_answer = 1, usage_error = zmx_tools::usage_exit_code };

struct top_arguments {
    std::string endpoint;
    int interval_ms = 1000;
    int count = 0;  // refreshes before exiting; 0: until asked to stop
};

volatile std::sig_atomic_t stop_asked = 0;
void ask_stop(int) { stop_asked = 1; }

std::optional<int> read_command_line(int argc, char** argv, top_arguments& arguments) {
    CLI::App app{"Shows a zmx-broker's devices from its control endpoint, refreshed every second: message\n"
                 "rates, drops and why, queue depths.",
                 "zmx-top"};
    app.footer("Exit status: 0 stopped (q, Ctrl-C or --count), 1 the broker did not answer, 2 usage.");
    app.add_option("ENDPOINT", arguments.endpoint, "the broker's control endpoint, e.g. tcp://127.0.0.1:5599")
        ->required();
    app.add_option("--interval", arguments.interval_ms, "milliseconds between refreshes")->check(CLI::Range(50, 60000));
    app.add_option("--count", arguments.count, "exit after this many screens");
    return zmx_tools::parse_command_line(app, argc, argv);
}

// The terminal without line buffering or echo while the view runs, so a
// lone 'q' is read at once; restored on exit.
class raw_keys {
public:
    raw_keys() : active_(isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_) == 0) {
        if (!active_)
            return;
        termios raw = saved_;
        raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    ~raw_keys() {
        if (active_)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    }
    // Waits up to timeout_ms for a key: true if it was 'q'.
    bool quit_pressed(int timeout_ms) const {
        pollfd key{STDIN_FILENO, POLLIN, 0};
        if (!active_ || poll(&key, 1, timeout_ms) <= 0) {
            if (!active_)
                poll(nullptr, 0, timeout_ms);
            return false;
        }
        char c = 0;
        return read(STDIN_FILENO, &c, 1) == 1 && (c == 'q' || c == 'Q');
    }

private:
    termios saved_{};
    bool active_;
};

// The broker's "stats" answer, or nullopt when it does not answer in time.
std::optional<nlohmann::json> ask_stats(void* req) {
    zmx_tools::frames answer;
    if (!zmx_tools::send_frames(req, {"stats"}) || !zmx_tools::receive_frames(req, answer) || answer.size() != 1)
        return std::nullopt;
    return nlohmann::json::parse(answer[0], nullptr, false);
}

void draw(const std::vector<std::string>& lines) {
    std::string screen = "\x1b[H\x1b[2J";  // home, clear
    for (const auto& line : lines)
        screen += line + "\r\n";
    std::cout << screen << std::flush;
}

int run(const top_arguments& arguments) {
    zmx_tools::context ctx;
    zmx_tools::socket req(ctx, ZMQ_REQ);
    req.set_int(ZMQ_LINGER, 0);
    req.set_int(ZMQ_RCVTIMEO, 3000);
    req.set_int(ZMQ_REQ_RELAXED, 1);
    req.set_int(ZMQ_REQ_CORRELATE, 1);
    req.connect(arguments.endpoint);
    const raw_keys keys;
    std::optional<nlohmann::json> previous;
    auto previous_at = std::chrono::steady_clock::now();
    for (int shown = 0; !stop_asked && (arguments.count == 0 || shown < arguments.count); ++shown) {
        std::optional<nlohmann::json> now = ask_stats(req.get());
        const auto now_at = std::chrono::steady_clock::now();
        if (!now || now->is_discarded()) {
            std::cerr << "zmx-top: no answer from " << arguments.endpoint << '\n';
            return no_answer;
        }
        const double seconds = std::chrono::duration<double>(now_at - previous_at).count();
        draw(zmx_top::render(*now, previous ? &*previous : nullptr, seconds, arguments.endpoint));
        previous = std::move(now);
        previous_at = now_at;
        if (arguments.count != 0 && shown + 1 == arguments.count)
            break;
        if (keys.quit_pressed(arguments.interval_ms))
            break;
    }
    return stopped;
}

}  // namespace

int main(int argc, char** argv) {
    top_arguments arguments;
    if (const auto stop = read_command_line(argc, argv, arguments))
        return *stop;
    std::signal(SIGINT, ask_stop);
    std::signal(SIGTERM, ask_stop);
    try {
        return run(arguments);
    } catch (const std::exception& error) {
        std::cerr << "zmx-top: " << error.what() << '\n';
        return no_answer;
    }
}
