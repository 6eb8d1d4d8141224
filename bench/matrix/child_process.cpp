#include "child_process.hpp"

#include "measure.hpp"
#include "messaging.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace matrix {

child_process::child_process(const std::vector<std::string>& arguments)
{
    int ends[2];
    if (pipe(ends) != 0) fail("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, ends[1]);
    std::vector<char*> argv;
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, "/proc/self/exe", &actions, nullptr, argv.data(), environ) != 0) fail("posix_spawn");
    posix_spawn_file_actions_destroy(&actions);
    close(ends[0]);
    pipe_ = ends[1];
}

child_process::~child_process()
{
    if (pipe_ >= 0) close(pipe_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
}

void child_process::signal()
{
    if (write(pipe_, "!", 1) != 1) fail("the child process is gone");
}

void child_process::check_running(const std::string& what)
{
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        fail(what);
    }
}

double child_process::finish(const std::string& what)
{
    close(pipe_);
    pipe_ = -1;
    int status = 0;
    rusage usage{};
    const pid_t ended = wait4(pid_, &status, 0, &usage);
    pid_ = -1;
    if (ended <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) fail(what);
    return bench::cpu_meter::seconds_of(usage);
}

}  // namespace matrix
