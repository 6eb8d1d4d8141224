// This binary again (/proc/self/exe), as a process the suite talks to
// through the child's standard input: a pipe whose write end the parent
// holds. A byte written is a signal to the child; closing the pipe tells it
// to end. The peers suite's ZMTP peers and the across suite's PUSH run so.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace matrix {

class child_process {
public:
    // `arguments` is the child's argv, the name it runs under first.
    explicit child_process(const std::vector<std::string>& arguments);
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process();

    // Writes one byte to the child; fails if it is gone.
    void signal();
    // Fails with `what` if the child has ended already.
    void check_running(const std::string& what);
    // Closes the pipe and waits for the child to end; fails with `what`
    // unless it exited with status 0. Returns the CPU time (user and
    // system) it used, in seconds.
    double finish(const std::string& what);

private:
    pid_t pid_ = -1;
    int pipe_ = -1;
};

}  // namespace matrix
