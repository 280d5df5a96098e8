import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';

export interface WordRow {
  text: string;
  count: number;
  /** Times said in the rest of the programme (distinctive view only). */
  restCount?: number;
  /** The log-odds z-score (distinctive view only). */
  z?: number;
}

/**
 * The cloud as a table: the same words, for screen readers and the keyboard. One tab stop; the
 * arrow keys move between words and Enter or Space shows a word's notes.
 */
export function CloudWordsTable(props: {
  caption: string;
  rows: readonly WordRow[];
  distinctive: boolean;
  selected: string | null;
  onSelect: (word: string) => void;
}) {
  return (
    <div className="table-scroll cloud-table">
      <Table
        aria-label={props.caption}
        selectionMode="single"
        selectionBehavior="replace"
        selectedKeys={props.selected ? [props.selected] : []}
        onSelectionChange={(keys) => {
          if (keys === 'all') return;
          const [first] = [...keys];
          if (first !== undefined) props.onSelect(String(first));
        }}
      >
        <TableHeader>
          <Column isRowHeader>Word or phrase</Column>
          <Column>Times said</Column>
          {props.distinctive && <Column>In the rest of the programme</Column>}
          {props.distinctive && <Column>How distinctive (z)</Column>}
        </TableHeader>
        <TableBody items={props.rows} renderEmptyState={() => 'No words to show.'}>
          {(row) => (
            <Row id={row.text} textValue={row.text}>
              <Cell>{row.text}</Cell>
              <Cell>{row.count}</Cell>
              {props.distinctive && <Cell>{row.restCount ?? 0}</Cell>}
              {props.distinctive && <Cell>{(row.z ?? 0).toFixed(1)}</Cell>}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
