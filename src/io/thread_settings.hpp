// What the context's zmq_ctx_set settings ask of its I/O threads:
// ZMQ_THREAD_SCHED_POLICY, ZMQ_THREAD_PRIORITY, ZMQ_THREAD_AFFINITY_CPU_*
// and ZMQ_THREAD_NAME_PREFIX.
//
// Threading: a value; apply_to_current_thread() runs on the I/O thread
// itself, before its loop starts.
#pragma once

#include <set>
#include <string>

namespace zmx {

struct thread_settings {
    int priority = -1;      // -1: the system's
    int sched_policy = -1;  // SCHED_*; -1: the system's
    std::set<int> cpus;     // empty: every CPU
    std::string name_prefix;  // as set: a decimal number (zmq_ctx_set) or 1-16 bytes (zmq_ctx_set_ext); empty: none

    // The thread's name as libzmq gives it ("ZMQbg/IO/0", or with a
    // prefix "7/ZMQbg/IO/0"), cut to the 15 characters Linux keeps.
    std::string io_thread_name(int index) const;
    // Names the calling thread and applies the policy, priority and CPUs.
    // libzmq aborts when the system refuses one (an unprivileged process
    // asking for SCHED_FIFO); zmx leaves that one as the system has it and
    // applies the rest.
    void apply_to_current_thread(const std::string& name) const;
};

} // namespace zmx
