// Test helper: hand-built executions of classic kernel litmus tests, with the events and tags
// herd7 gives the kernel primitives (herd-representation.txt).
#pragma once

#include "graph_builder.hpp"

namespace memx::cat::testing {

// MP+pooncerelease+poacquireonce: P0 WRITE_ONCE(x,1); smp_store_release(y,1).
// P1 r0 = smp_load_acquire(y); r1 = READ_ONCE(x).
inline model::ExecutionGraph messagePassingReleaseAcquire(int r0, int r1) {
    GraphBuilder b;
    auto ix = b.init("x"), iy = b.init("y");
    auto wx = b.write(0, "x", 1, {"ONCE"});
    auto wy = b.write(0, "y", 1, {"RELEASE"});
    auto ry = b.read(1, "y", r0, {"ACQUIRE"});
    auto rx = b.read(1, "x", r1, {"ONCE"});
    b.rf(r0 ? wy : iy, ry);
    b.rf(r1 ? wx : ix, rx);
    b.finalWrite(wx);
    b.finalWrite(wy);
    return b.build();
}

// SB+mbonceonces: P0 WRITE_ONCE(x,1); smp_mb(); r0 = READ_ONCE(y). P1 symmetric.
inline model::ExecutionGraph storeBufferingMb(int r0, int r1) {
    GraphBuilder b;
    auto ix = b.init("x"), iy = b.init("y");
    auto wx = b.write(0, "x", 1, {"ONCE"});
    b.fence(0, {"MB"});
    auto ry = b.read(0, "y", r0, {"ONCE"});
    auto wy = b.write(1, "y", 1, {"ONCE"});
    b.fence(1, {"MB"});
    auto rx = b.read(1, "x", r1, {"ONCE"});
    b.rf(r0 ? wy : iy, ry);
    b.rf(r1 ? wx : ix, rx);
    b.finalWrite(wx);
    b.finalWrite(wy);
    return b.build();
}

// A plain write racing with a plain read: P0 x = 1; P1 r0 = x.
inline model::ExecutionGraph plainRace(int r0) {
    GraphBuilder b;
    auto ix = b.init("x");
    auto wx = b.write(0, "x", 1);
    auto rx = b.read(1, "x", r0);
    b.rf(r0 ? wx : ix, rx);
    b.finalWrite(wx);
    return b.build();
}

// Ten events: two threads of WRITE_ONCE/READ_ONCE with a release/acquire pair and an smp_mb.
inline model::ExecutionGraph tenEvents() {
    GraphBuilder b;
    auto ix = b.init("x"), iy = b.init("y"), iz = b.init("z");
    auto wx = b.write(0, "x", 1, {"ONCE"});
    b.fence(0, {"MB"});
    auto wy = b.write(0, "y", 1, {"RELEASE"});
    auto ry = b.read(1, "y", 1, {"ACQUIRE"});
    auto rx = b.read(1, "x", 1, {"ONCE"});
    auto wz = b.write(1, "z", 1, {"ONCE"});
    auto rz = b.read(0, "z", 0, {"ONCE"});
    b.rf(wy, ry);
    b.rf(wx, rx);
    b.rf(iz, rz);
    (void)ix;
    (void)iy;
    b.finalWrite(wx);
    b.finalWrite(wy);
    b.finalWrite(wz);
    return b.build();
}

}  // namespace memx::cat::testing
