// A libzmq peer in a separate process (two libzmq.so.5 cannot share one):
// tests/interop/libzmq_peer.py, run by /usr/bin/python3 with Debian's pyzmq,
// or any program (tests/threadsafe's peer on the reference libzmq). Lines
// from its stdout are read with a safety timeout; closing its stdin tells a
// publishing peer to stop.
#pragma once

#include "exec_image.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace interop {

class peer_process {
public:
#ifdef ZMX_INTEROP_PEER
    // The python peer with these arguments. env: "NAME=value" settings for
    // the peer only (e.g. TMPDIR, where libzmq puts the socket of an
    // ipc://* bind).
    explicit peer_process(const std::vector<std::string>& args, const std::vector<std::string>& env = {})
        : peer_process(python_command(args), env, program{}) {}
#endif

    // Any program: command[0] is its path, the rest its arguments.
    struct program {};
    peer_process(std::vector<std::string> command, const std::vector<std::string>& env, program) {
        // The peer must load its own libzmq, never ours.
        const zt::exec_image image(std::move(command), {"LD_LIBRARY_PATH"}, env);
        // Close-on-exec, so the child keeps only its stdin and stdout (dup2
        // clears the flag on those): it must see EOF when we close its stdin.
        int to_child[2], from_child[2];
        EXPECT_EQ(pipe2(to_child, O_CLOEXEC), 0);
        EXPECT_EQ(pipe2(from_child, O_CLOEXEC), 0);
        pid_ = fork();
        if (pid_ == 0) {
            dup2(to_child[0], 0);
            dup2(from_child[1], 1);
            image.exec();
        }
        ::close(to_child[0]);
        ::close(from_child[1]);
        stdin_ = to_child[1];
        stdout_ = from_child[0];
    }

    ~peer_process() {
        close_stdin();
        ::close(stdout_);
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }

    // The next line the peer prints (without its newline), "<timeout>" after
    // timeout_ms, or "<eof>".
    std::string line(int timeout_ms = 15000) {
        for (;;) {
            const size_t end = buffer_.find('\n');
            if (end != std::string::npos) {
                std::string text = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                return text;
            }
            pollfd item{stdout_, POLLIN, 0};
            if (poll(&item, 1, timeout_ms) <= 0) {
                timed_out_ = true;
                return "<timeout>";
            }
            char chunk[4096];
            const ssize_t n = read(stdout_, chunk, sizeof chunk);
            if (n <= 0)
                return "<eof>";
            buffer_.append(chunk, static_cast<size_t>(n));
        }
    }

    // True when a whole line is ready within timeout_ms.
    bool has_line(int timeout_ms) {
        if (buffer_.find('\n') != std::string::npos)
            return true;
        pollfd item{stdout_, POLLIN, 0};
        if (poll(&item, 1, timeout_ms) <= 0)
            return false;
        char chunk[4096];
        const ssize_t n = read(stdout_, chunk, sizeof chunk);
        if (n > 0)
            buffer_.append(chunk, static_cast<size_t>(n));
        return buffer_.find('\n') != std::string::npos;
    }

    // Sends the peer a signal (SIGSTOP freezes it, SIGCONT wakes it).
    void signal(int number) { EXPECT_EQ(kill(pid_, number), 0); }

    void close_stdin() {
        if (stdin_ >= 0)
            ::close(stdin_);
        stdin_ = -1;
    }

    // Exit status once the peer has finished by itself; -1 if it had to be
    // killed after timeout_ms. Its exit closes its stdout: that is the
    // event waited for.
    int wait(int timeout_ms = 15000) {
        while (line(timeout_ms) != "<eof>" && !timed_out_) {
        }
        int status = 0;
        if (timed_out_)
            kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return !timed_out_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
#ifdef ZMX_INTEROP_PEER
    static std::vector<std::string> python_command(const std::vector<std::string>& args) {
        std::vector<std::string> command{"/usr/bin/python3", ZMX_INTEROP_PEER};
        command.insert(command.end(), args.begin(), args.end());
        return command;
    }
#endif

    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    std::string buffer_;
    bool timed_out_ = false;
};

}  // namespace interop
