/// Union–find over `0..<count`, with path halving and union by size: near-constant time per
/// operation, so grouping stays linear in the template.
struct DisjointSets {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ first: Int, _ second: Int) {
        var first = find(first), second = find(second)
        guard first != second else { return }
        if size[first] < size[second] { swap(&first, &second) }
        parent[second] = first
        size[first] += size[second]
    }
}
