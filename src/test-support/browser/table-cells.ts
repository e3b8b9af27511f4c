// A rendered table as the person reads it: the text of each body row's cells, header row left out.
import { within } from '@testing-library/react';

export function bodyCellTexts(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}
