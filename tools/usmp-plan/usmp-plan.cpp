//===- usmp-plan.cpp - Plan buffer layouts from CSV or JSON ---------------===//
#include "usmp/Planner/Algorithm.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::ParseCommandLineOptions(argc, argv, "usmp static memory planner\n");
  return 0;
}
