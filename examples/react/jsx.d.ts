// JSX typings for <kofi-stake>, shipped by the widget (opt in once).
import type {} from "@kofi/widget/react";
