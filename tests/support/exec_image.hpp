// What a forked child hands to execve, all made before the fork. The child
// of a threaded process may only make async-signal-safe calls until it
// execs: another thread may have held malloc's lock at the fork, and a
// child that allocates would wait for it forever (seen as a libzmq peer
// that never started, once in 40 runs under ASan, whose allocator locks
// are held longer).
#pragma once

#include <unistd.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace zt {

class exec_image {
public:
    // command[0] is the program's path. The environment is the caller's,
    // without the variables named in `removed`, with `settings`
    // ("NAME=value") replacing or adding variables.
    explicit exec_image(std::vector<std::string> command, const std::vector<std::string>& removed = {},
                        const std::vector<std::string>& settings = {})
        : command_(std::move(command)) {
        for (char** variable = environ; *variable; ++variable)
            if (!named_in(*variable, removed) && !named_in(*variable, settings))
                environment_.emplace_back(*variable);
        environment_.insert(environment_.end(), settings.begin(), settings.end());
        argv_ = pointers(command_);
        envp_ = pointers(environment_);
    }
    exec_image(const exec_image&) = delete;
    exec_image& operator=(const exec_image&) = delete;

    // In the child: becomes the program, or exits with 127.
    [[noreturn]] void exec() const {
        execve(argv_[0], argv_.data(), envp_.data());
        _exit(127);
    }

private:
    // `entry` ("NAME=value") names one of `names` (each "NAME" or "NAME=...").
    static bool named_in(const char* entry, const std::vector<std::string>& names) {
        const size_t length = std::strcspn(entry, "=");
        for (const std::string& name : names)
            if (name.compare(0, name.find('='), entry, length) == 0)
                return true;
        return false;
    }

    static std::vector<char*> pointers(std::vector<std::string>& strings) {
        std::vector<char*> result;
        for (std::string& s : strings)
            result.push_back(s.data());
        result.push_back(nullptr);
        return result;
    }

    std::vector<std::string> command_;
    std::vector<std::string> environment_;
    std::vector<char*> argv_;
    std::vector<char*> envp_;
};

}  // namespace zt
