// Writes a litmus::Program back as canonical litmus text: header, Result comment, init
// block, threads, locations, filter and condition. Parsing the output gives a Program
// equal (==) to the input; parentheses appear only where precedence needs them.
#pragma once

#include <string>

#include "litmus/ast.hpp"

namespace memx::litmus {

std::string printProgram(const Program& program);
std::string printExpr(const Expr& expr);
std::string printProp(const Prop& prop);  // herd syntax: `0:r1=1 /\ x=2`
std::string printType(const Type& type);  // `volatile int *`, without a name
std::string printLocation(const LocationRef& location);

}  // namespace memx::litmus
