package io.quiver.exec.task;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.expression.ExpressionCompiler;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.EnforceSingleRowNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.metrics.OperatorMeter;
import io.quiver.exec.metrics.OperatorStats;
import io.quiver.exec.operator.MeteredOperator;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.aggregate.HashAggregateOperator;
import io.quiver.exec.operator.expand.ExpandOperator;
import io.quiver.exec.operator.setop.ReplicateOperator;
import io.quiver.exec.operator.filter.FilterOperator;
import io.quiver.exec.operator.join.HashJoinOperator;
import io.quiver.exec.operator.limit.EnforceSingleRowOperator;
import io.quiver.exec.operator.limit.LimitOperator;
import io.quiver.exec.operator.project.ProjectOperator;
import io.quiver.exec.operator.sink.ExchangeWriterOperator;
import io.quiver.exec.operator.sink.ResultWriterOperator;
import io.quiver.exec.operator.sink.SinkOperator;
import io.quiver.exec.operator.sort.GroupTopNOperator;
import io.quiver.exec.operator.sort.SortOperator;
import io.quiver.exec.operator.sort.TopNOperator;
import io.quiver.exec.operator.source.ExchangeSourceOperator;
import io.quiver.exec.operator.source.TableScanOperator;
import io.quiver.exec.operator.source.ValuesOperator;
import io.quiver.exec.operator.union.UnionAllOperator;
import io.quiver.exec.operator.window.WindowOperator;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns a stage fragment into the operators of one task: a chain from a source up to the fragment's
 * root, followed by the stage's sink. UNION ALL inputs and hash-join build sides become pipelines of
 * their own that the union or join operator drains. On failure every operator built so far is closed.
 *
 * <p>Every operator is a {@link MeteredOperator} with an allocator of its own (a child of the task's),
 * so the task's metrics know each operator's rows, batches, time and peak memory; operators are
 * numbered by their fragment node (pre-order, see {@link OperatorStats#nodeId()}). The operators'
 * allocators outlive the operators: {@link #close} closes them once the task is done with every
 * batch, and reports a leak there.
 */
public final class LocalExecutionPlanner implements AutoCloseable {

  private final TaskContext context;
  private final int partition;
  private final List<BufferAllocator> operatorAllocators = new ArrayList<>();
  private int nextNodeId;

  public LocalExecutionPlanner(TaskContext context) {
    this.context = context;
    this.partition = context.taskId().partition();
  }

  /** The operators of the whole task, source first, sink last. */
  public List<Operator> plan(StageFragment fragment) {
    if (partition < 0 || partition >= fragment.partitionCount()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "task partition " + partition + " is outside stage "
          + fragment.stageId() + "'s " + fragment.partitionCount() + " partitions");
    }
    List<Operator> operators = new ArrayList<>();
    nextNodeId = 0;
    try {
      addOperators(fragment.root(), operators);
      BufferAllocator sinkAllocator = operatorAllocator(OperatorStats.SINK_NODE);
      operators.add(metered(OperatorStats.SINK_NODE, sink(fragment, sinkAllocator), sinkAllocator));
      return operators;
    } catch (RuntimeException | Error e) {
      closeAll(operators, e);
      throw e;
    }
  }

  /** The operators that produce {@code node}'s rows, source first. */
  public List<Operator> operators(PlanNode node) {
    List<Operator> operators = new ArrayList<>();
    try {
      addOperators(node, operators);
      return operators;
    } catch (RuntimeException | Error e) {
      closeAll(operators, e);
      throw e;
    }
  }

  /** The sink of a task's operators (the last of {@link #plan}'s list), unwrapped. */
  public static SinkOperator sink(List<Operator> operators) {
    Operator last = operators.get(operators.size() - 1);
    return (SinkOperator) (last instanceof MeteredOperator metered ? metered.operator() : last);
  }

  /**
   * Closes the operators' allocators; call after every operator is closed and every batch they made
   * was released or handed on.
   *
   * @throws IllegalStateException naming the operator whose allocator still holds memory
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (BufferAllocator allocator : operatorAllocators) {
      try {
        allocator.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    operatorAllocators.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private BufferAllocator operatorAllocator(int nodeId) {
    BufferAllocator task = context.allocator();
    BufferAllocator allocator = task.newChildAllocator("operator " + nodeId + " of task " + context.taskId(), 0,
        task.getLimit());
    operatorAllocators.add(allocator);
    return allocator;
  }

  private Operator metered(int nodeId, Operator operator, BufferAllocator allocator) {
    OperatorMeter meter = new OperatorMeter(nodeId, MeteredOperator.name(operator), allocator);
    context.metrics().addOperator(meter);
    return new MeteredOperator(operator, meter, context.metrics().clock());
  }

  private SinkOperator sink(StageFragment fragment, BufferAllocator allocator) {
    OutputPartitioning output = fragment.output();
    if (output instanceof OutputPartitioning.Result) {
      if (context.resultSink() == null) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR,
            "stage " + fragment.stageId() + " is the result stage but the task has no result sink");
      }
      return new ResultWriterOperator(context.resultSink(), context.metrics());
    }
    Schema schema = fragment.root().outputSchema().toArrowSchema();
    ShuffleWriter writer = context.shuffle().openWriter(new ShuffleId(context.taskId().jobId(), fragment.stageId()),
        partition, output.reducePartitionCount(), schema);
    try {
      return new ExchangeWriterOperator(writer, output, schema, partition, allocator, context.batchSize(),
          context.metrics());
    } catch (RuntimeException | Error e) {
      writer.close();
      throw e;
    }
  }

  private void addOperators(PlanNode node, List<Operator> operators) {
    // pre-order: the node before its inputs, inputs in PlanNode.children() order
    int nodeId = nextNodeId++;
    BufferAllocator allocator = operatorAllocator(nodeId);
    int before = operators.size();
    addNodeOperators(node, allocator, operators);
    int own = operators.size() - 1;
    if (own < before) {
      throw new IllegalStateException("plan node " + node.getClass().getSimpleName() + " made no operator");
    }
    operators.set(own, metered(nodeId, operators.get(own), allocator));
  }

  /** Adds the operators of {@code node}'s inputs, then the node's own operator (last). */
  private void addNodeOperators(PlanNode node, BufferAllocator allocator, List<Operator> operators) {
    int batchSize = context.batchSize();
    if (node instanceof TableScanNode scan) {
      operators.add(new TableScanOperator(context.dataSources().get(scan.table().connector()), scan, partition,
          allocator, batchSize, context.metrics()));
    } else if (node instanceof ValuesNode values) {
      operators.add(new ValuesOperator(values, partition == 0, allocator, batchSize));
    } else if (node instanceof ExchangeSourceNode exchange) {
      operators.add(new ExchangeSourceOperator(context.shuffle(),
          new ShuffleId(context.taskId().jobId(), exchange.sourceStageId()),
          exchange.broadcast() ? 0 : partition, exchange.sourcePartitionCount(), allocator, context.metrics()));
    } else if (node instanceof FilterNode filter) {
      addOperators(filter.input(), operators);
      operators.add(new FilterOperator(ExpressionCompiler.compile(filter.condition(), allocator), allocator));
    } else if (node instanceof ProjectNode project) {
      addOperators(project.input(), operators);
      operators.add(project(project, allocator));
    } else if (node instanceof AggregateNode aggregate) {
      addOperators(aggregate.input(), operators);
      operators.add(new HashAggregateOperator(aggregate, context.memory(), batchSize));
    } else if (node instanceof SortNode sort) {
      addOperators(sort.input(), operators);
      operators.add(new SortOperator(sort.outputSchema().toArrowSchema(), sort.keys(), context.memory(), batchSize,
          null));
    } else if (node instanceof TopNNode topN) {
      addOperators(topN.input(), operators);
      operators.add(new TopNOperator(topN.outputSchema().toArrowSchema(), topN.keys(), topN.count(),
          context.memory(), batchSize));
    } else if (node instanceof LimitNode limit) {
      addOperators(limit.input(), operators);
      operators.add(new LimitOperator(limit.offset(), limit.fetch(), allocator));
    } else if (node instanceof EnforceSingleRowNode single) {
      addOperators(single.input(), operators);
      operators.add(new EnforceSingleRowOperator(single.outputSchema().toArrowSchema(), allocator));
    } else if (node instanceof HashJoinNode join) {
      // the join runs its build pipeline to the end before it takes the first probe batch
      addOperators(join.probe(), operators);
      operators.add(HashJoinOperator.create(join, operators(join.build()), allocator, context.memory(),
          batchSize, context.cancellation()));
    } else if (node instanceof ExpandNode expand) {
      addOperators(expand.input(), operators);
      operators.add(new ExpandOperator(expand, allocator));
    } else if (node instanceof ReplicateNode replicate) {
      addOperators(replicate.input(), operators);
      operators.add(new ReplicateOperator(replicate, allocator, batchSize));
    } else if (node instanceof WindowNode window) {
      if (window.input() instanceof SortNode sort) {
        // the window's own sort: its memory errors name the window
        addOperators(sort.input(), operators);
        operators.add(new SortOperator(sort.outputSchema().toArrowSchema(), sort.keys(), context.memory(), batchSize,
            "the window " + window.describeWindow()));
      } else {
        addOperators(window.input(), operators);
      }
      operators.add(new WindowOperator(window, allocator, batchSize));
    } else if (node instanceof GroupTopNNode groupTopN) {
      addOperators(groupTopN.input(), operators);
      operators.add(new GroupTopNOperator(groupTopN, allocator, batchSize));
    } else if (node instanceof UnionAllNode union) {
      List<OperatorPipeline> inputs = new ArrayList<>();
      try {
        for (PlanNode input : union.inputs()) {
          inputs.add(new OperatorPipeline(operators(input)));
        }
      } catch (RuntimeException | Error e) {
        inputs.forEach(OperatorPipeline::close);
        throw e;
      }
      operators.add(new UnionAllOperator(inputs, union.outputSchema().toArrowSchema().getFields(), allocator));
    } else {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "plan node " + node.getClass().getSimpleName());
    }
  }

  private ProjectOperator project(ProjectNode project, BufferAllocator allocator) {
    List<ProjectOperator.Projection> projections = new ArrayList<>();
    try {
      for (Expression expression : project.projections()) {
        if (expression instanceof InputReference reference) {
          projections.add(ProjectOperator.Projection.column(reference.index()));
        } else {
          VectorExpression compiled = ExpressionCompiler.compile(expression, allocator);
          projections.add(ProjectOperator.Projection.of(compiled));
        }
      }
      return new ProjectOperator(projections, project.outputSchema(), allocator);
    } catch (RuntimeException | Error e) {
      for (ProjectOperator.Projection projection : projections) {
        if (projection.expression() != null) {
          projection.expression().close();
        }
      }
      throw e;
    }
  }

  private static void closeAll(List<Operator> operators, Throwable failure) {
    for (Operator operator : operators) {
      try {
        operator.close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
