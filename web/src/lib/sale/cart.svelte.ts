/** A screen's cart in rune state: the current {@link CartState}, changed only through ./cart.ts. */
import {
  addToCart,
  cartCount,
  EMPTY_CART,
  removeLine,
  renewLineIds,
  setLineQuantity,
  withLoyalty,
  type CartLoyalty,
  type CartState,
  type NewLine,
  type SaleLine,
} from './cart.js';

export class Cart {
  /** The cart as it is now (immutable; replaced on each change). */
  state = $state.raw<CartState>(EMPTY_CART);

  readonly lines: readonly SaleLine[] = $derived(this.state.lines);
  readonly count: number = $derived(cartCount(this.state));

  /** Add a line, or more of the same thing to its line. */
  add(line: NewLine): void {
    this.state = addToCart(this.state, line);
  }

  setQuantity(lineId: string, quantity: number): void {
    this.state = setLineQuantity(this.state, lineId, quantity);
  }

  remove(lineId: string): void {
    this.state = removeLine(this.state, lineId);
  }

  /** New line ids for every line: the cart's order was placed and then cancelled. */
  renewLineIds(): void {
    this.state = renewLineIds(this.state);
  }

  /** The loyalty member the cart is for and their rewards (undefined: nobody). */
  setLoyalty(loyalty: CartLoyalty | undefined): void {
    this.state = withLoyalty(this.state, loyalty);
  }

  clear(): void {
    this.state = EMPTY_CART;
  }
}
