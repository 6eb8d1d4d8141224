#include "io/thread_settings.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

namespace zmx {

namespace {

constexpr size_t max_thread_name = 15;  // Linux's TASK_COMM_LEN less the NUL
constexpr int nice_step = -20;  // what libzmq asks of nice(2)

bool is_realtime(int policy) { return policy == SCHED_FIFO || policy == SCHED_RR; }

void apply_scheduling(int wanted_policy, int priority) {
    int policy = SCHED_OTHER;
    sched_param param{};
    if (pthread_getschedparam(pthread_self(), &policy, &param) != 0)
        return;
    if (wanted_policy != -1)
        policy = wanted_policy;
    // Only the real-time policies have priorities (1..99); for the others
    // the priority stands for "favoured": a lower nice value, as libzmq
    // reads it.
    if (priority != -1)
        param.sched_priority = is_realtime(policy) ? priority : 0;
    pthread_setschedparam(pthread_self(), policy, &param);
    if (priority != -1 && !is_realtime(policy)) {
        // As nice(-20) in libzmq: 20 steps more favoured than the thread
        // that started it, at most the system's highest (-20).
        const auto self = static_cast<id_t>(::gettid());
        ::setpriority(PRIO_PROCESS, self, ::getpriority(PRIO_PROCESS, self) + nice_step);
    }
}

}  // namespace

std::string thread_settings::io_thread_name(int index) const {
    std::string name = "ZMQbg/IO/" + std::to_string(index);
    if (!name_prefix.empty())
        name = name_prefix + "/" + name;
    return name.substr(0, max_thread_name);
}

void thread_settings::apply_to_current_thread(const std::string& name) const {
    pthread_setname_np(pthread_self(), name.c_str());
    if (sched_policy != -1 || priority != -1)
        apply_scheduling(sched_policy, priority);
    if (!cpus.empty()) {
        cpu_set_t set;
        CPU_ZERO(&set);
        for (const int cpu : cpus)
            if (cpu < CPU_SETSIZE)
                CPU_SET(cpu, &set);
        pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    }
}

} // namespace zmx
