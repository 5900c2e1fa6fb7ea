/**
 * What each of the counter's actions does now (a key press or its button): one switch over the
 * screen's controller. False when the action does not apply, so its key is left to the page.
 */
import type { CounterController } from './counter-controller.svelte.js';
import type { CounterAction } from './keymap.js';

export function runAction(c: CounterController, action: CounterAction): boolean {
  const t = c.ticket;
  const selected = t.selected;
  switch (action) {
    case 'help':
      c.dialog = { kind: 'help' };
      return true;
    case 'search':
      c.focus.search();
      return true;
    case 'orderType':
      if (t.editable && !t.order) t.orderType = t.orderType === 'takeout' ? 'dine-in' : 'takeout';
      return true;
    case 'name':
      c.focus.name();
      return true;
    case 'note':
      if (c.can.note && selected) c.dialog = { kind: 'note', lineId: selected };
      return true;
    case 'discount':
      if (c.can.discount) {
        c.approvers();
        c.dialog = { kind: 'discount' };
      }
      return true;
    case 'price':
      if (c.can.price && selected) {
        c.approvers();
        c.dialog = { kind: 'price', lineId: selected };
      }
      return true;
    case 'send':
      if (c.can.send) void t.send();
      return true;
    case 'cash':
    case 'card':
      void c.startTender(action);
      return true;
    case 'hold':
      if (c.can.hold) void c.hold();
      return true;
    case 'tickets':
      c.approvers();
      c.dialog = { kind: 'tickets' };
      return true;
    case 'split':
      void c.openSplit();
      return true;
    case 'orders':
      c.approvers();
      c.dialog = { kind: 'orders' };
      return true;
    case 'previousLine':
    case 'nextLine':
      t.step(action === 'nextLine' ? 1 : -1);
      return true;
    case 'more':
    case 'less':
      if (selected) t.changeQuantity(selected, action === 'more' ? 1 : -1);
      return true;
    case 'removeLine':
      if (selected) t.remove(selected);
      return true;
    case 'newOrder':
      if (t.phase !== 'paid') return false;
      c.newOrder();
      return true;
    case 'close':
      if (c.tender && !t.tendering) c.endTender();
      else if (c.query !== '') c.query = '';
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      c.confirmingClear = false;
      return true;
  }
}
