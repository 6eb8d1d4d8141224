#include "signal_watch.hpp"


#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <system_error>

namespace zmx_broker {

namespace {

sigset_t watched_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);
    return set;
}

}  // namespace

signal_watch::signal_watch() {
    const sigset_t set = watched_signals();
    if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0)
        throw std::system_error(errno, std::generic_category(), "pthread_sigmask");
    fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd_ < 0)
        throw std::system_error(errno, std::generic_category(), "signalfd");
}

signal_watch::~signal_watch() { close(fd_); }

void signal_watch::watch(poll_set& set) { poll_index_ = set.add_fd(fd_, ZMQ_POLLIN); }

signal_watch::requests signal_watch::take(const poll_set& set) {
    requests wanted;
    if (!set.ready(poll_index_))
        return wanted;
    signalfd_siginfo info;
    while (read(fd_, &info, sizeof info) == sizeof info) {
        if (info.ssi_signo == SIGUSR1)
            wanted.report = true;
        else
            wanted.stop = true;
    }
    return wanted;
}

}  // namespace zmx_broker
