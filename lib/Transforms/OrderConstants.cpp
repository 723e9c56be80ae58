//===- OrderConstants.cpp - Deterministic names for bufferized constants --===//
//
// Bufferization names its constant globals in an order that changes from run
// to run; everything after it (constant pools, the C) reads that order.
//
//===----------------------------------------------------------------------===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/StringSet.h"

namespace usmp {
#define GEN_PASS_DEF_ORDERCONSTANTSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

struct OrderConstantsPass
    : public usmp::impl::OrderConstantsPassBase<OrderConstantsPass> {
  using Base::Base;
  void runOnOperation() override;
};

/// The name bufferization gives a constant of `type` before making it
/// unique: `__constant_2x3xi8`, `__constant_xf32`.
std::string getBaseName(MemRefType type) {
  std::string name = "__constant_";
  llvm::raw_string_ostream os(name);
  llvm::interleave(type.getShape(), os, "x");
  os << "x" << type.getElementType();
  return name;
}

/// Calls `fn` on the operations whose symbol references resolve in `module`:
/// not those in a nested symbol table, whose names are its own.
void walkModuleScope(ModuleOp module, function_ref<void(Operation *)> fn) {
  module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op != module && op->hasTrait<OpTrait::SymbolTable>())
      return WalkResult::skip();
    fn(op);
    return WalkResult::advance();
  });
}

} // namespace

void OrderConstantsPass::runOnOperation() {
  ModuleOp module = getOperation();
  SmallVector<memref::GlobalOp> globals;
  DenseMap<StringAttr, unsigned> firstUse;
  for (auto global : module.getOps<memref::GlobalOp>())
    if (global.isPrivate() && global.getConstant() &&
        global.getSymName().starts_with("__constant_")) {
      globals.push_back(global);
      firstUse[global.getSymNameAttr()] = ~0u;
    }
  if (globals.empty())
    return;
  unsigned next = 0;
  walkModuleScope(module, [&](Operation *op) {
    auto get = dyn_cast<memref::GetGlobalOp>(op);
    if (!get)
      return;
    auto it = firstUse.find(get.getNameAttr().getAttr());
    if (it != firstUse.end() && it->second == ~0u)
      it->second = next++;
  });
  // Unused ones by their type and value, which do not depend on the run
  // (two alike print alike whichever goes first).
  DenseMap<Operation *, std::string> keys;
  for (memref::GlobalOp global : globals)
    if (firstUse[global.getSymNameAttr()] == ~0u) {
      llvm::raw_string_ostream os(keys[global]);
      os << global.getType() << global.getInitialValueAttr();
    }
  llvm::sort(globals, [&](memref::GlobalOp a, memref::GlobalOp b) {
    unsigned rankA = firstUse[a.getSymNameAttr()];
    unsigned rankB = firstUse[b.getSymNameAttr()];
    if (rankA != rankB || rankA != ~0u)
      return rankA < rankB;
    return keys[a] < keys[b];
  });

  // Bufferization's names, so the C reads as it did, skipping those other
  // symbols have.
  llvm::StringSet<> taken;
  for (Operation &op : *module.getBody())
    if (auto name =
            op.getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName());
        name && !firstUse.count(name))
      taken.insert(name.getValue());
  DenseMap<StringAttr, StringAttr> renamed;
  llvm::StringMap<unsigned> suffixes;
  for (memref::GlobalOp global : globals) {
    std::string base = getBaseName(global.getType());
    std::string name = base;
    while (!taken.insert(name).second)
      name = base + "_" + std::to_string(suffixes[base]++);
    renamed[global.getSymNameAttr()] = StringAttr::get(&getContext(), name);
  }
  AttrTypeReplacer replacer;
  replacer.addReplacement(
      [&](FlatSymbolRefAttr ref) -> std::optional<Attribute> {
        auto it = renamed.find(ref.getAttr());
        if (it == renamed.end())
          return std::nullopt;
        return FlatSymbolRefAttr::get(it->second);
      });
  // The leaf of `@inner::@x` names a symbol of @inner.
  replacer.addReplacement(
      [](SymbolRefAttr ref) -> std::optional<std::pair<Attribute, WalkResult>> {
        if (ref.getNestedReferences().empty())
          return std::nullopt;
        return std::make_pair(ref, WalkResult::skip());
      });
  walkModuleScope(module,
                  [&](Operation *op) { replacer.replaceElementsIn(op); });
  for (memref::GlobalOp global : globals)
    global.setSymName(renamed[global.getSymNameAttr()].getValue());

  // Module order is the order of the C arrays and of the constant pools'
  // planning: together, in the new order, where the first of them was.
  llvm::SmallPtrSet<Operation *, 16> moved;
  for (memref::GlobalOp global : globals)
    moved.insert(global);
  Operation *after = nullptr;
  for (Operation &op : *module.getBody()) {
    if (moved.contains(&op))
      break;
    after = &op;
  }
  for (memref::GlobalOp global : globals) {
    if (after)
      global->moveAfter(after);
    else if (global != &module.getBody()->front())
      global->moveBefore(&module.getBody()->front());
    after = global;
  }
}
